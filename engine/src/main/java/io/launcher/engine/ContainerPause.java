package io.launcher.engine;

import io.launcher.api.ContainerState;
import io.launcher.api.ContainerStatus;
import io.launcher.api.FailedPreconditionException;
import io.launcher.api.LauncherException;
import io.launcher.spi.isolation.Sandbox;
import io.launcher.spi.isolation.SandboxState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code pause} and {@code unpause}: the sandbox freezes or thaws, the record follows
 * (RUNNING <-> PAUSED) and the event is published, with Docker's messages for the wrong state.
 * A signal to a paused container is delivered by thawing it right after sending, as dockerd does.
 */
final class ContainerPause {
    private static final Logger LOG = LoggerFactory.getLogger(ContainerPause.class);

    private final ContainerStore store;
    private final ContainerEvents events;

    ContainerPause(ContainerStore store, ContainerEvents events) {
        this.store = store;
        this.events = events;
    }

    void pause(ContainerEntry entry) {
        synchronized (entry) {
            Sandbox sandbox = runningSandbox(entry);
            if (entry.state().status() == ContainerStatus.PAUSED) {
                throw new FailedPreconditionException("Container " + entry.id() + " is already paused");
            }
            sandbox.pause();
            record(entry, ContainerStatus.PAUSED, "pause");
        }
    }

    void unpause(ContainerEntry entry) {
        synchronized (entry) {
            Sandbox sandbox = runningSandbox(entry);
            if (entry.state().status() != ContainerStatus.PAUSED) {
                throw new FailedPreconditionException("Container " + entry.id() + " is not paused");
            }
            sandbox.resume();
            record(entry, ContainerStatus.RUNNING, "unpause");
        }
    }

    /** After a signal was sent to a paused container: thaw it so that the signal lands (the caller holds the entry). */
    void resumeAfterSignal(ContainerEntry entry, Sandbox sandbox) {
        if (entry.state().status() != ContainerStatus.PAUSED) {
            return;
        }
        try {
            if (sandbox.state() == SandboxState.PAUSED) {
                sandbox.resume();
            }
            record(entry, ContainerStatus.RUNNING, "unpause");
        } catch (LauncherException e) {
            LOG.warn("unable to unpause container {} after signalling it: {}", entry.id(), e.getMessage());
        }
    }

    private static Sandbox runningSandbox(ContainerEntry entry) {
        Sandbox sandbox = entry.sandbox();
        if (sandbox == null || !entry.running()) {
            throw new FailedPreconditionException("Container " + entry.id() + " is not running");
        }
        return sandbox;
    }

    private void record(ContainerEntry entry, ContainerStatus status, String action) {
        ContainerState s = entry.state();
        ContainerRecord updated = entry.record().withState(new ContainerState(status, s.pid(), s.exitCode(),
                s.oomKilled(), s.error(), s.startedAt(), s.finishedAt()));
        store.save(updated);
        entry.update(updated);
        events.publish(updated, action);
    }
}
