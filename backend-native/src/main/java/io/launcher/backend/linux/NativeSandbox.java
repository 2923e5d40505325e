package io.launcher.backend.linux;

import io.launcher.api.ContainerId;
import io.launcher.api.ExitStatus;
import io.launcher.api.IllegalTransitionException;
import io.launcher.api.FailedPreconditionException;
import io.launcher.api.InternalException;
import io.launcher.api.InvalidSpecException;
import io.launcher.api.SystemCallFailedException;
import io.launcher.spi.isolation.ExecProcess;
import io.launcher.spi.isolation.ProcessSpec;
import io.launcher.spi.isolation.Sandbox;
import io.launcher.spi.isolation.SandboxState;
import io.launcher.spi.isolation.SignalTarget;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;

/**
 * A container held by its detached monitor. Requests go over a fresh connection each; one more
 * connection, watched by the backend's {@link MonitorExits}, completes {@link #exit()} when the
 * monitor pushes "exit", or from the exit file when the monitor is gone, and tells how far the
 * monitor got in its cleanup ("reaped", "done"), which {@link #delete()} follows.
 */
final class NativeSandbox implements Sandbox {
    private static final long DELETE_TIMEOUT_SECONDS = 10;
    private static final long FINE_POLL_NANOS = 50_000;
    private static final long COARSE_POLL_NANOS = 1_000_000;

    private final ContainerId id;
    private final Bundle bundle;
    private final MonitorPids pids;
    private final Shim shim;
    private final MonitorExits exits;
    private final Freezer freezer;
    private final CompletableFuture<ExitStatus> exit = new CompletableFuture<>();
    /** True once the monitor said "reaped"; false when its watch ended without that (then look at its process). */
    private final CompletableFuture<Boolean> reaped = new CompletableFuture<>();
    /** True once the monitor said "done"; false when its watch ended without that (then look at its process). */
    private final CompletableFuture<Boolean> monitorEnd = new CompletableFuture<>();
    /** Held by start, pause and resume across their work, and by the exit; see {@link #stopped()}. */
    private final Object transition = new Object();
    private volatile SandboxState state;

    NativeSandbox(ContainerId id, Bundle bundle, MonitorPids pids, Shim shim, MonitorExits exits, SandboxState state) {
        this.id = id;
        this.exits = exits;
        this.bundle = bundle;
        this.pids = pids;
        this.shim = shim;
        this.freezer = Freezer.of(id);
        this.state = state;
    }

    /** Starts watching for the exit; the monitor pushes it to every connected client. */
    NativeSandbox watch(Optional<MonitorConnection> connection) {
        if (connection.isEmpty()) {
            recordExit();
            unheard();
            return this;
        }
        try {
            exits.watch(connection.get().channel(), new MonitorExits.Listener() {
                @Override
                public void exited(String status) {
                    try {
                        complete(ExitFile.parse(status));
                    } catch (RuntimeException e) {
                        recordExit();
                    }
                }

                @Override
                public void reaped() {
                    reaped.complete(true);
                }

                @Override
                public void finished(boolean done) {
                    reaped.complete(false);
                    monitorEnd.complete(done);
                }

                @Override
                public void lost() {
                    recordExit();
                    unheard();
                }
            });
        } catch (IOException e) {
            connection.get().close();
            recordExit();
            unheard();
        }
        return this;
    }

    /** Nothing more will be heard from the monitor: its process tells how far it got. */
    private void unheard() {
        reaped.complete(false);
        monitorEnd.complete(false);
    }

    /**
     * The monitor is gone, or going: its exit file tells how the container ended. A monitor
     * writes that file just after it tells its clients, so one still alive is given its time.
     */
    private void recordExit() {
        try {
            Optional<ExitStatus> status = ExitFile.read(bundle.exitFile());
            if (status.isEmpty() && monitorAlive(monitorDir())) {
                pollMonitorEnd(monitorDir(), COARSE_POLL_NANOS,
                        System.nanoTime() + TimeUnit.SECONDS.toNanos(DELETE_TIMEOUT_SECONDS));
                status = ExitFile.read(bundle.exitFile());
            }
            if (status.isPresent()) {
                complete(status.get());
                return;
            }
            stopped();
            exit.completeExceptionally(new InternalException(
                    "monitor of container " + id + " ended without recording an exit status"));
        } catch (RuntimeException e) {
            stopped();
            exit.completeExceptionally(e);
        }
    }

    private void complete(ExitStatus status) {
        stopped();
        exit.complete(status);
    }

    /**
     * Under the lock that {@link #start()} holds across its request: a process that exits before
     * "started" is read is stopped after start sets running, never before (a stale "running"
     * made delete refuse and leak the bundle). The exit's waiters run outside the lock.
     */
    private void stopped() {
        synchronized (transition) {
            state = SandboxState.STOPPED;
        }
    }

    @Override
    public ContainerId id() {
        return id;
    }

    @Override
    public SandboxState state() {
        return state;
    }

    @Override
    public int pid() {
        return state == SandboxState.STOPPED ? 0 : pids.init();
    }

    @Override
    public synchronized void start() {
        if (state != SandboxState.CREATED) {
            throw new IllegalTransitionException("cannot start a container that is " + describe(state));
        }
        synchronized (transition) {
            String reply = request("start");
            if (!reply.startsWith("started ")) {
                throw new IllegalTransitionException(reply.replaceFirst("^error ", ""));
            }
            state = SandboxState.RUNNING;
        }
    }

    @Override
    public void signal(int signal, SignalTarget target) {
        if (state == SandboxState.STOPPED) {
            throw new IllegalTransitionException("container " + id + " is not running");
        }
        String reply = request("signal " + signal + " " + target.name().toLowerCase(Locale.ROOT));
        if (!reply.equals("ok")) {
            throw new SystemCallFailedException("signal", "container " + id, reply.replaceFirst("^error ", ""));
        }
    }

    @Override
    public synchronized void pause() {
        synchronized (transition) {
            if (state != SandboxState.RUNNING) {
                throw new IllegalTransitionException("cannot pause container " + id + " that is " + describe(state));
            }
            freezer.freeze();
            state = SandboxState.PAUSED;
        }
    }

    @Override
    public synchronized void resume() {
        if (state != SandboxState.PAUSED) {
            throw new IllegalTransitionException("cannot resume container " + id + " that is " + describe(state));
        }
        synchronized (transition) {
            freezer.thaw();
            if (state == SandboxState.PAUSED) {
                // the exit watcher may have recorded STOPPED meanwhile (v2 kills frozen tasks)
                state = SandboxState.RUNNING;
            }
        }
    }

    @Override
    public CompletableFuture<ExitStatus> exit() {
        return exit;
    }

    @Override
    public OutputStream openStdin() {
        requireNotStopped();
        MonitorConnection connection = MonitorConnection.open(bundle.socket())
                .orElseThrow(() -> new IllegalTransitionException("container " + id + " is not running"));
        try {
            String reply = connection.request("stdin");
            if (!reply.equals("ok")) {
                connection.close();
                throw new FailedPreconditionException(reply.replaceFirst("^error ", ""));
            }
            return connection.input();
        } catch (IOException e) {
            connection.close();
            throw new IllegalTransitionException("container " + id + " is not running", e);
        }
    }

    @Override
    public void resize(int rows, int columns) {
        if (rows < 0 || columns < 0 || rows > 65535 || columns > 65535) {
            throw new InvalidSpecException("invalid terminal size " + rows + "x" + columns);
        }
        requireNotStopped();
        String reply = request("resize " + rows + " " + columns);
        if (!reply.equals("ok")) {
            throw new SystemCallFailedException("resize", "terminal of container " + id, reply.replaceFirst("^error ", ""));
        }
    }

    @Override
    public ExecProcess exec(ProcessSpec process) {
        if (state != SandboxState.RUNNING) {
            throw new IllegalTransitionException("container " + id + " is not running");
        }
        return NativeExec.start(shim, bundle, process);
    }

    private void requireNotStopped() {
        if (state == SandboxState.STOPPED) {
            throw new IllegalTransitionException("container " + id + " is not running");
        }
    }

    @Override
    public synchronized void delete() {
        if (state == SandboxState.RUNNING || state == SandboxState.PAUSED) {
            throw new IllegalTransitionException("cannot delete container " + id + " that is not stopped: "
                    + describe(state));
        }
        if (state == SandboxState.CREATED) {
            // a parked init has not run anything of the user's yet: deleting it is allowed
            try {
                signal(9, SignalTarget.ALL);
            } catch (IllegalTransitionException gone) {
                // the monitor ended on its own meanwhile: its exit is recorded already
            }
            awaitQuietly(exit);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(DELETE_TIMEOUT_SECONDS);
        Path dir = monitorDir();
        if (!heard(reaped, deadline)) {
            awaitMonitorEnd(dir, deadline);
        }
        // the init's mounts are gone: the bundle goes while the monitor removes the cgroups
        bundle.remove();
        awaitMonitorEnd(dir, deadline);
    }

    /**
     * The monitor says "done" once the init is reaped (its mounts went with its namespaces) and
     * the cgroups are removed, and then closes its connections and exits: its process is looked
     * for every 50 µs from there. Without that word (a monitor killed, or one of an earlier build)
     * it is looked for every millisecond: ProcessHandle.onExit of a process that is not our child
     * first sleeps 300 ms.
     */
    private void awaitMonitorEnd(Path dir, long deadline) {
        pollMonitorEnd(dir, heard(monitorEnd, deadline) ? FINE_POLL_NANOS : COARSE_POLL_NANOS, deadline);
    }

    /** Whether the monitor said the word {@code heard} stands for, waiting until the deadline at most. */
    private static boolean heard(CompletableFuture<Boolean> word, long deadline) {
        try {
            return word.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        } catch (ExecutionException | TimeoutException e) {
            return false;
        }
    }

    private void pollMonitorEnd(Path dir, long pauseNanos, long deadline) {
        while (monitorAlive(dir) && System.nanoTime() < deadline && !Thread.currentThread().isInterrupted()) {
            LockSupport.parkNanos(pauseNanos);
        }
    }

    /** The bundle as the monitor's working directory shows it; looked up while it is there. */
    private Path monitorDir() {
        try {
            return bundle.dir().toRealPath();
        } catch (IOException e) {
            return bundle.dir().toAbsolutePath();
        }
    }

    /**
     * The monitor works in its bundle (" (deleted)" once the bundle is removed): a recycled pid
     * elsewhere is not ours to wait for.
     */
    private boolean monitorAlive(Path dir) {
        try {
            String cwd = Files.readSymbolicLink(Path.of("/proc", Integer.toString(pids.monitor()), "cwd")).toString();
            return cwd.equals(dir.toString()) || cwd.equals(dir + " (deleted)");
        } catch (IOException e) {
            return false;
        }
    }

    private String request(String line) {
        try (MonitorConnection connection = MonitorConnection.open(bundle.socket())
                .orElseThrow(() -> new IllegalTransitionException("container " + id + " is not running"))) {
            return connection.request(line);
        } catch (IOException e) {
            throw new IllegalTransitionException("container " + id + " is not running", e);
        }
    }

    private void awaitQuietly(CompletableFuture<?> future) {
        if (future == null) {
            return;
        }
        try {
            future.get(DELETE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // the exit or the monitor's end was not observed in time: remove what we can anyway
        }
    }

    private static String describe(SandboxState state) {
        return switch (state) {
            case CREATED -> "created";
            case RUNNING -> "running";
            case PAUSED -> "paused";
            case STOPPED -> "stopped";
        };
    }
}
