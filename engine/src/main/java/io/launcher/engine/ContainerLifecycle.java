package io.launcher.engine;

import io.launcher.api.ContainerState;
import io.launcher.api.ContainerStatus;
import io.launcher.api.ExitStatus;
import io.launcher.api.FailedPreconditionException;
import io.launcher.api.IllegalTransitionException;
import io.launcher.api.LauncherException;
import io.launcher.api.NotFoundException;
import io.launcher.api.WaitCondition;
import io.launcher.engine.ContainerRecord.EndpointRecord;
import io.launcher.spi.Mount;
import io.launcher.spi.isolation.BindMount;
import io.launcher.spi.isolation.IsolationBackend;
import io.launcher.spi.isolation.Sandbox;
import io.launcher.spi.isolation.SignalTarget;
import io.launcher.spi.storage.SnapshotKey;
import io.launcher.spi.storage.StorageDriver;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The container state machine: created -> running -> exited, and removal. Each run gets a new
 * sandbox from the isolation backend; when it ends, the exit is recorded, the sandbox and the
 * network endpoint are released and waiters are woken.
 */
final class ContainerLifecycle {
    private static final Logger LOG = LoggerFactory.getLogger(ContainerLifecycle.class);

    private final ContainerStore store;
    private final ContainerRegistry registry;
    private final StorageDriver storage;
    private final IsolationBackend isolation;
    private final ContainerNetworking networking;
    private final EtcFiles etc = EtcFiles.host();
    private final ContainerUsers users;
    private final ContainerEvents events;
    private final ContainerPause pauses;
    private volatile boolean closed;

    ContainerLifecycle(ContainerStore store, ContainerRegistry registry, StorageDriver storage,
                       IsolationBackend isolation, ContainerNetworking networking, ContainerEvents events) {
        this.events = events;
        this.store = store;
        this.registry = registry;
        this.storage = storage;
        this.isolation = isolation;
        this.networking = networking;
        this.users = new ContainerUsers(storage);
        this.pauses = new ContainerPause(store, events);
    }

    ContainerPause pauses() {
        return pauses;
    }

    void start(ContainerEntry entry) {
        synchronized (entry) {
            if (entry.isRemoving()) {
                throw new IllegalTransitionException("cannot start container " + entry.id() + ": it is being removed");
            }
            if (entry.state().status() == ContainerStatus.PAUSED) {
                throw new FailedPreconditionException("cannot start a paused container, try unpause instead");
            }
            if (entry.running()) {
                return;
            }
            ContainerRecord record = entry.record();
            EndpointRecord endpoint = switch (record.hostConfig().networkMode()) {
                case BRIDGE -> networking.attach(entry.id(), PublishedPorts.wanted(record.config(), record.hostConfig()));
                case NONE, HOST -> null;
            };
            try {
                // A container removed at its exit needs nothing of its layer on disk (see disposableMounts).
                SnapshotKey layer = new SnapshotKey(record.id());
                List<Mount> rootfs = record.hostConfig().autoRemove() ? storage.disposableMounts(layer) : storage.mounts(layer);
                var spec = SandboxSpecs.build(entry.id(), record.config(), record.hostConfig(), rootfs,
                        ContainerNetworking.attachmentFor(record.hostConfig().networkMode(), endpoint),
                        store.logFile(record.id()), users.resolve(layer, record.config().user()));
                spec = SandboxSpecs.withBinds(spec, etc.write(store.folder(record.id()), record.hostConfig().networkMode(),
                        spec.hostname(), record.name(), endpoint == null ? "" : endpoint.address(),
                        spec.binds().stream().map(BindMount::destination).collect(Collectors.toSet())));
                Sandbox sandbox = isolation.run(spec);
                ContainerRecord started = record.withEndpoint(endpoint)
                        .withState(record.state().toState().started(sandbox.pid(), Instant.now()));
                store.save(started);
                entry.update(started);
                entry.running(sandbox);
                events.publish(started, "start");
                watch(entry, sandbox);
            } catch (RuntimeException e) {
                if (endpoint != null) {
                    detachQuietly(entry, endpoint, e);
                }
                throw e;
            }
        }
    }

    /** Completes the run when the sandbox's init exits; also used for sandboxes re-adopted after a restart. */
    void watch(ContainerEntry entry, Sandbox sandbox) {
        sandbox.exit().whenComplete((status, failure) -> exited(entry, sandbox,
                failure == null ? status : ExitStatus.exited(255), failure));
    }

    /** Stops recording exits: a closed engine leaves running containers to the next engine. */
    void close() {
        closed = true;
    }

    /**
     * Records an exit: the record is renamed into place before the sandbox (which holds the exit
     * file) goes, so a killed engine finds one or the other. Waiters wake once the record is
     * written; the sandbox's deletion (which waits for the monitor, itself waiting out the
     * kernel's teardown of the container's namespaces) follows under the entry's lock, so
     * whatever comes next for this container waits for it. A {@code --rm} container's record is
     * deleted next: it is written only when that removal fails.
     */
    private void exited(ContainerEntry entry, Sandbox sandbox, ExitStatus status, Throwable failure) {
        if (closed) {
            return;
        }
        boolean autoRemove;
        synchronized (entry) {
            if (entry.sandbox() != sandbox) {
                return;
            }
            ContainerRecord record = entry.record();
            ContainerState state = record.state().toState();
            ContainerState ended = failure == null ? state.exited(status, Instant.now())
                    : state.failed(255, "lost the container's monitor: " + failure.getMessage(), Instant.now());
            if (record.endpoint() != null) {
                detachQuietly(entry, record.endpoint(), null);
            }
            ContainerRecord updated = record.withEndpoint(null).withState(ended);
            autoRemove = record.hostConfig().autoRemove();
            entry.update(updated);
            if (status.oomKilled()) {
                events.publish(updated, "oom");
            }
            if (!autoRemove) {
                saveQuietly(updated);
            }
            events.publish(updated, "die", Map.of("exitCode", Integer.toString(ended.exitCode())));
            entry.exited(ended.exitCode());
            // the waiters have their answer; the sandbox goes while this lock still keeps a
            // start, a removal or an exec of this container waiting
            deleteQuietly(sandbox, null);
        }
        if (autoRemove) {
            try {
                remove(entry, true);
            } catch (LauncherException e) {
                LOG.error("unable to remove container {} after it exited: {}", entry.id(), e.getMessage());
                saveQuietly(entry.record());
            }
        }
    }

    private void saveQuietly(ContainerRecord record) {
        try {
            store.save(record);
        } catch (LauncherException e) {
            LOG.error("unable to record the exit of container {}: {}", record.id(), e.getMessage());
        }
    }

    void stop(ContainerEntry entry, int timeoutSeconds) {
        CompletableFuture<Integer> exit;
        synchronized (entry) {
            Sandbox sandbox = entry.sandbox();
            if (sandbox == null) {
                return;
            }
            exit = entry.nextExit();
            signalUnlessEnding(entry, sandbox, Signals.TERM, SignalTarget.INIT);
        }
        if (!awaitQuietly(exit, Math.max(0, timeoutSeconds))) {
            killAndAwait(entry);
        }
    }

    void kill(ContainerEntry entry, int signal) {
        synchronized (entry) {
            Sandbox sandbox = entry.sandbox();
            if (sandbox == null) {
                throw new FailedPreconditionException("Container " + entry.id() + " is not running");
            }
            sandbox.signal(signal, SignalTarget.INIT);
            pauses.resumeAfterSignal(entry, sandbox);
        }
    }

    /** Waits on a container, or answers at once for one that {@code --rm} removed a moment ago. */
    int await(String container, WaitCondition condition) throws InterruptedException {
        try {
            return awaitLater(container, condition).get();
        } catch (ExecutionException e) {
            throw new FailedPreconditionException("unable to wait for " + container + ": " + e.getCause().getMessage());
        }
    }

    /** The wait registered now (under the entry's lock), completed when the condition holds. */
    CompletableFuture<Integer> awaitLater(String container, WaitCondition condition) {
        ContainerEntry entry;
        try {
            entry = registry.find(container);
        } catch (NotFoundException e) {
            if (condition == WaitCondition.REMOVED) {
                return CompletableFuture.completedFuture(registry.recentlyRemoved(container).orElseThrow(() -> e));
            }
            throw e;
        }
        synchronized (entry) {
            return switch (condition) {
                case NOT_RUNNING -> entry.running() ? entry.nextExit() : CompletableFuture.completedFuture(entry.state().exitCode());
                case NEXT_EXIT -> entry.nextExit();
                case REMOVED -> entry.removed();
            };
        }
    }

    void remove(ContainerEntry entry, boolean force) {
        if (entry.running()) {
            if (!force) {
                throw new FailedPreconditionException("cannot remove container \"" + entry.record().name()
                        + "\": container is running: stop the container before removing or force remove");
            }
            killAndAwait(entry);
        }
        if (!entry.beginRemoval()) {
            return;
        }
        synchronized (entry) {
            try {
                removeSnapshot(entry);
                store.delete(entry.record().id());
            } catch (RuntimeException e) {
                entry.abortRemoval();
                throw e;
            }
            registry.remove(entry, entry.state().exitCode());
            events.publish(entry.record(), "destroy");
            entry.removed().complete(entry.state().exitCode());
        }
    }

    /**
     * A snapshot already gone is no failure: a power loss can bring back the record of a removal
     * that got as far as the snapshot (records are deleted without a sync, see ContainerStore).
     */
    private void removeSnapshot(ContainerEntry entry) {
        try {
            storage.remove(new SnapshotKey(entry.record().id()));
        } catch (NotFoundException gone) {
            LOG.info("container {} had no snapshot left to remove", entry.id());
        }
    }

    private void killAndAwait(ContainerEntry entry) {
        CompletableFuture<Integer> exit;
        synchronized (entry) {
            Sandbox sandbox = entry.sandbox();
            if (sandbox == null) {
                return;
            }
            exit = entry.nextExit();
            signalUnlessEnding(entry, sandbox, Signals.KILL, SignalTarget.ALL);
        }
        if (!awaitQuietly(exit, 30)) {
            throw new FailedPreconditionException("container " + entry.id() + " did not exit 30 seconds after SIGKILL");
        }
    }

    /**
     * Signals on the way to an exit (stop, rm -f). A process that ended a moment ago, its exit
     * not yet recorded (a kill just before, as Testcontainers sends), refuses the signal: that
     * exit is the one awaited, so the refusal is no failure.
     */
    private void signalUnlessEnding(ContainerEntry entry, Sandbox sandbox, int signal, SignalTarget target) {
        try {
            sandbox.signal(signal, target);
        } catch (IllegalTransitionException ending) {
            return;
        }
        pauses.resumeAfterSignal(entry, sandbox);
    }

    private static boolean awaitQuietly(CompletableFuture<Integer> exit, int seconds) {
        try {
            exit.get(seconds, TimeUnit.SECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void detachQuietly(ContainerEntry entry, EndpointRecord endpoint, Exception primary) {
        try {
            networking.detach(entry.id(), endpoint);
        } catch (RuntimeException e) {
            if (primary != null) {
                primary.addSuppressed(e);
            } else {
                LOG.error("unable to detach container {} from the network: {}", entry.id(), e.getMessage());
            }
        }
    }

    private static void deleteQuietly(Sandbox sandbox, Exception primary) {
        try {
            sandbox.delete();
        } catch (RuntimeException e) {
            if (primary != null) {
                primary.addSuppressed(e);
            } else {
                LOG.error("unable to delete the sandbox of {}: {}", sandbox.id(), e.getMessage());
            }
        }
    }
}
