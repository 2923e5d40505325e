package io.launcher.engine;

import io.launcher.api.ContainerId;
import io.launcher.api.ContainerState;
import io.launcher.spi.isolation.Sandbox;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The engine's live view of one container: its stored record, the sandbox of its current run,
 * and the futures waiters block on. Guarded by its own monitor.
 */
final class ContainerEntry {
    private ContainerRecord record;
    private Sandbox sandbox;
    private CompletableFuture<Integer> nextExit = new CompletableFuture<>();
    private final CompletableFuture<Integer> removed = new CompletableFuture<>();
    private long exits;
    private boolean removing;

    ContainerEntry(ContainerRecord record) {
        this.record = record;
    }

    ContainerId id() {
        return new ContainerId(record.id());
    }

    synchronized ContainerRecord record() {
        return record;
    }

    synchronized void update(ContainerRecord newRecord) {
        record = newRecord;
    }

    synchronized ContainerState state() {
        return record.state().toState();
    }

    synchronized boolean running() {
        return state().running();
    }

    synchronized Sandbox sandbox() {
        return sandbox;
    }

    synchronized void running(Sandbox newSandbox) {
        sandbox = newSandbox;
        notifyAll();
    }

    /**
     * The sandbox of the current run, waiting for a start when there is none (Docker's clients
     * attach before they start); empty once a run that began after {@code exitsSeen} exits
     * passed, or the container is being removed.
     */
    synchronized Optional<Sandbox> awaitRun(long exitsSeen) throws InterruptedException {
        while (sandbox == null && exits == exitsSeen && !removing) {
            wait();
        }
        return exits == exitsSeen ? Optional.ofNullable(sandbox) : Optional.empty();
    }

    /** Ends the current run: completes the waiters of the next exit and returns the finished sandbox. */
    synchronized Sandbox exited(int code) {
        Sandbox finished = sandbox;
        sandbox = null;
        exits++;
        CompletableFuture<Integer> done = nextExit;
        nextExit = new CompletableFuture<>();
        done.complete(code);
        notifyAll();
        return finished;
    }

    synchronized long exits() {
        return exits;
    }

    synchronized CompletableFuture<Integer> nextExit() {
        return nextExit;
    }

    CompletableFuture<Integer> removed() {
        return removed;
    }

    /** Claims the removal; false when another caller already removes it. */
    synchronized boolean beginRemoval() {
        if (removing) {
            return false;
        }
        removing = true;
        notifyAll();
        return true;
    }

    synchronized boolean isRemoving() {
        return removing;
    }

    synchronized void abortRemoval() {
        removing = false;
    }
}
