package io.launcher.backend.lxc;

import io.launcher.api.ContainerId;
import io.launcher.api.ExitStatus;
import io.launcher.api.IllegalTransitionException;
import io.launcher.api.InternalException;
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
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * One container run by lxc-execute under its supervisor. The state is read from the container's
 * files each time (see {@link ContainerDir}), so a sandbox loaded by a restarted engine and the
 * one that created it agree: CREATED while the init is parked in the start-host hook, RUNNING
 * once start released it, STOPPED when the supervisor recorded the exit (or vanished).
 */
final class LxcSandbox implements Sandbox {
    private static final int SIGTERM = 15;
    private static final int SIGKILL = 9;
    private static final int SIGSTOP = 19;
    private static final long TIMEOUT_MILLIS = 60_000;

    private final ContainerId id;
    private final ContainerDir dir;
    private final HostTools tools;
    private final StdinPipe stdin;
    private final CompletableFuture<ExitStatus> exit = new CompletableFuture<>();
    private boolean deleted;

    private LxcSandbox(ContainerId id, ContainerDir dir, HostTools tools) {
        this.id = id;
        this.dir = dir;
        this.tools = tools;
        this.stdin = new StdinPipe(dir, () -> hostPty().map(HostPty::raw).orElse(true));
    }

    /** Launches the supervisor and returns once the init is parked; a failed setup leaves nothing behind. */
    static LxcSandbox create(ContainerId id, ContainerDir dir, HostTools tools) {
        LxcSandbox sandbox = new LxcSandbox(id, dir, tools);
        ProcessHandle supervisor = Supervisor.launch(dir, tools);
        sandbox.watch(supervisor);
        sandbox.await(() -> !supervisor.isAlive() || Files.exists(dir.initPid()), "lxc-execute to set the container up");
        if (Files.notExists(dir.initPid())) {
            SystemCallFailedException failure = new SystemCallFailedException("create", "container " + id, LxcLog.startFailure(dir));
            try {
                removeState(dir);
            } catch (RuntimeException e) {
                failure.addSuppressed(e);
            }
            throw failure;
        }
        return sandbox;
    }

    /** Re-attaches after an engine restart: watches a live supervisor, or reports the recorded end. */
    static LxcSandbox load(ContainerId id, ContainerDir dir, HostTools tools) {
        LxcSandbox sandbox = new LxcSandbox(id, dir, tools);
        Supervisor.find(dir).ifPresentOrElse(sandbox::watch, sandbox::ended);
        return sandbox;
    }

    @Override
    public ContainerId id() {
        return id;
    }

    @Override
    public synchronized SandboxState state() {
        if (deleted || Files.exists(dir.exit()) || Supervisor.find(dir).isEmpty()) {
            return SandboxState.STOPPED;
        }
        if (!Files.exists(dir.started())) {
            return SandboxState.CREATED;
        }
        return Files.exists(dir.paused()) ? SandboxState.PAUSED : SandboxState.RUNNING;
    }

    @Override
    public int pid() {
        return state() == SandboxState.STOPPED ? 0 : Supervisor.initPid(dir.initPid()).orElse(0);
    }

    /** Releases the parked init; returns once the user's process exists or the container already ended. */
    @Override
    public synchronized void start() {
        SandboxState state = state();
        if (state != SandboxState.CREATED) {
            throw new IllegalTransitionException("cannot start container " + id + ": it is " + state.name().toLowerCase(Locale.ROOT));
        }
        AtomicFile.write(dir.started(), "", "rw-------");
        if (!ControlFifo.send(dir.startFifo(), ControlFifo.START)) {
            throw new SystemCallFailedException("start", "container " + id, "its init is no longer parked: " + LxcLog.startFailure(dir));
        }
        await(() -> exit.isDone() || userProcessStarted(), "lxc-init to start the process");
        shieldInitFromOomKiller();
    }

    /**
     * lxc-init shares the container's memory cgroup. Once the cgroup's first OOM victim (the
     * user's process) is reaped and the cgroup is still over its limit, the kernel may pick
     * lxc-init next, and lxc-execute then reports 1 instead of the 137 lxc-init would have
     * returned. Docker's pid 1 is the user's process, which the shield must not cover, so it is
     * set only now that lxc-init has forked it (a child keeps the score it was forked with).
     */
    private void shieldInitFromOomKiller() {
        Supervisor.initPid(dir.initPid()).ifPresent(init -> {
            try {
                Files.writeString(Path.of("/proc", Integer.toString(init), "oom_score_adj"), "-1000");
            } catch (IOException e) {
                // lxc-init has already exited: the container ended, there is nothing to shield.
            }
        });
    }

    /** lxc-init has a child, or has already exited (a command that ran and ended at once). */
    private boolean userProcessStarted() {
        return Supervisor.initPid(dir.initPid())
                .map(init -> !ProcessSignals.children(init).isEmpty() || !ProcessHandle.of(init).map(ProcessHandle::isAlive).orElse(false))
                .orElse(false);
    }

    @Override
    public synchronized void signal(int signal, SignalTarget target) {
        SandboxState state = state();
        if (state == SandboxState.CREATED && signal == SIGKILL) {
            abort();
            return;
        }
        if (state != SandboxState.RUNNING && state != SandboxState.PAUSED) {
            throw new IllegalTransitionException("cannot kill container " + id + ": it is not running");
        }
        int init = pid();
        List<Integer> targets = targets(init, signal, target);
        if (targets.isEmpty()) {
            ProcessSignals.kill(init, signal);
        }
        targets.forEach(pid -> ProcessSignals.kill(pid, signal));
        if (signal == SIGKILL) {
            // A process forked while the namespace was listed escaped the SIGKILL: lxc-init's
            // shutdown (SIGTERM to all, SIGKILL a second later) sweeps it up.
            ProcessSignals.kill(init, SIGTERM);
        }
    }

    /**
     * Who gets the signal instead of lxc-init. lxc-init (pid 1 inside) forwards every signal it
     * can catch to the user's process, so INIT goes to it. SIGKILL cannot be caught, and a killed
     * lxc-init makes lxc-execute report 1 instead of 137: as SIGKILL to a Docker container's pid 1
     * ends all of it, it goes to every process but lxc-init, which then exits with 137 on its own.
     * SIGSTOP goes to the user's process. ALL goes to every process of the pid namespace but
     * lxc-init, so that nothing receives it twice.
     */
    private static List<Integer> targets(int init, int signal, SignalTarget target) {
        if (target == SignalTarget.ALL || signal == SIGKILL) {
            return ProcessSignals.namespaceMembers(init);
        }
        if (signal == SIGSTOP) {
            return ProcessSignals.children(init);
        }
        return List.of();
    }

    @Override
    public CompletableFuture<ExitStatus> exit() {
        return exit;
    }

    @Override
    public OutputStream openStdin() {
        if (state() == SandboxState.STOPPED) {
            throw new IllegalTransitionException("cannot attach to the stdin of container " + id + ": it is not running");
        }
        return stdin.open(id.value());
    }

    /**
     * Sets the size of the host pty lxc-execute runs on (lxc-init's parent's stdin), which LXC
     * passes on to the container's console; a process without a terminal has no pty there.
     */
    @Override
    public void resize(int rows, int columns) {
        if (state() != SandboxState.STOPPED) {
            hostPty().ifPresent(pty -> HostPty.resize(pty, rows, columns));
        }
    }

    /** The pty lxc-execute runs on: its stdin, when the process has a terminal; none when it ended. */
    private Optional<Path> hostPty() {
        return Supervisor.initPid(dir.initPid()).flatMap(ProcessHandle::of).flatMap(ProcessHandle::parent)
                .flatMap(tool -> HostPty.ptyOf(tool.pid()));
    }

    /** {@code lxc-freeze}: LXC freezes the container's cgroup and returns once it is frozen. */
    @Override
    public synchronized void pause() {
        if (state() != SandboxState.RUNNING) {
            throw new IllegalTransitionException("cannot pause container " + id + ": it is " + state().name().toLowerCase(Locale.ROOT));
        }
        LxcFreezer.run(tools, dir, "lxc-freeze");
        AtomicFile.write(dir.paused(), "", "rw-------");
    }

    @Override
    public synchronized void resume() {
        if (state() != SandboxState.PAUSED) {
            throw new IllegalTransitionException("cannot resume container " + id + ": it is " + state().name().toLowerCase(Locale.ROOT));
        }
        try {
            LxcFreezer.run(tools, dir, "lxc-unfreeze");
        } catch (SystemCallFailedException e) {
            // a SIGKILL sent while frozen lands as the cgroup thaws: lxc-unfreeze then loses its
            // container mid-call and reports failure, though the thaw happened
            try {
                await(() -> exit.isDone() || Supervisor.find(dir).isEmpty(), "the killed container to end after the thaw");
            } catch (SystemCallFailedException still) {
                e.addSuppressed(still);
                throw e;
            }
        }
        try {
            Files.deleteIfExists(dir.paused());
        } catch (java.io.IOException e) {
            throw new SystemCallFailedException("remove", dir.paused().toString(), String.valueOf(e.getMessage()), e);
        }
    }

    @Override
    public ExecProcess exec(ProcessSpec process) {
        if (state() != SandboxState.RUNNING) {
            throw new IllegalTransitionException("cannot exec in container " + id + ": it is not running");
        }
        return LxcExec.start(dir, tools, process);
    }

    @Override
    public synchronized void delete() {
        SandboxState state = state();
        if (state == SandboxState.RUNNING || state == SandboxState.PAUSED) {
            throw new IllegalTransitionException("cannot delete container " + id + ": it is running, stop it first");
        }
        if (deleted) {
            return;
        }
        if (state == SandboxState.CREATED) {
            abort();
        }
        removeState(dir);
        deleted = true;
    }

    /** Tells the parked hook to fail the start: LXC then tears the container down and the supervisor ends. */
    private void abort() {
        ControlFifo.send(dir.startFifo(), ControlFifo.ABORT);
        await(() -> Supervisor.find(dir).isEmpty(), "lxc-execute to tear the parked container down");
    }

    private void watch(ProcessHandle supervisor) {
        supervisor.onExit().thenRun(this::ended);
    }

    private void ended() {
        if (Files.notExists(dir.started())) {
            // Killed or deleted while parked: the init died of the abort, as of a SIGKILL.
            exit.complete(ExitStatus.killed(SIGKILL, false));
            return;
        }
        ExitFile.read(dir).ifPresentOrElse(exit::complete, () -> exit.completeExceptionally(
                new InternalException("lost the supervisor of container " + id + ": it ended without recording an exit code")));
    }

    /** Polls until the condition holds; each of these steps takes milliseconds to tens of them. */
    private void await(BooleanSupplier condition, String what) {
        long deadline = System.currentTimeMillis() + TIMEOUT_MILLIS;
        long pause = 1;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new SystemCallFailedException("wait for", what, "timed out after " + TIMEOUT_MILLIS / 1000 + "s");
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InternalException("interrupted while waiting for " + what, e);
            }
            pause = Math.min(5, pause * 2);
        }
    }

    /** The container's directory and LXC's lock file for it. */
    private static void removeState(ContainerDir dir) {
        removeTree(dir.path());
        try {
            Files.deleteIfExists(dir.lxcLock());
        } catch (IOException e) {
            throw new SystemCallFailedException("remove", dir.lxcLock().toString(), String.valueOf(e.getMessage()), e);
        }
    }

    /** Deletes without following symlinks; nothing is mounted here, the layers lived in the container's namespace. */
    private static void removeTree(Path root) {
        if (Files.notExists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new SystemCallFailedException("remove", root.toString(), String.valueOf(e.getMessage()), e);
        }
    }
}
