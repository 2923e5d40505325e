package io.launcher.backend.lxc;

import io.launcher.api.ContainerId;
import io.launcher.api.ExitStatus;
import io.launcher.api.IllegalTransitionException;
import io.launcher.api.InternalException;
import io.launcher.api.SystemCallFailedException;
import io.launcher.spi.isolation.Sandbox;
import io.launcher.spi.isolation.SandboxState;
import io.launcher.spi.isolation.SignalTarget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/**
 * One container run by lxc-execute under its supervisor. The state is read from the container's
 * files each time (see {@link ContainerDir}), so a sandbox loaded by a restarted engine and the
 * one that started it agree.
 */
final class LxcSandbox implements Sandbox {
    private static final int SIGKILL = 9;
    private static final int SIGSTOP = 19;
    private static final int SIGTERM = 15;
    private static final long START_TIMEOUT_MILLIS = 60_000;

    private final ContainerId id;
    private final ContainerDir dir;
    private final HostTools tools;
    private final CompletableFuture<ExitStatus> exit = new CompletableFuture<>();
    private boolean deleted;

    LxcSandbox(ContainerId id, ContainerDir dir, HostTools tools) {
        this.id = id;
        this.dir = dir;
        this.tools = tools;
    }

    /** Re-attaches after an engine restart: watches a live supervisor, or reports the recorded end. */
    static LxcSandbox load(ContainerId id, ContainerDir dir, HostTools tools) {
        LxcSandbox sandbox = new LxcSandbox(id, dir, tools);
        if (Supervisor.launched(dir)) {
            Supervisor.find(dir).ifPresentOrElse(sandbox::watch, sandbox::ended);
        }
        return sandbox;
    }

    @Override
    public ContainerId id() {
        return id;
    }

    @Override
    public synchronized SandboxState state() {
        if (deleted || Files.exists(dir.exit())) {
            return SandboxState.STOPPED;
        }
        if (!Supervisor.launched(dir)) {
            return SandboxState.CREATED;
        }
        return Supervisor.find(dir).isPresent() ? SandboxState.RUNNING : SandboxState.STOPPED;
    }

    @Override
    public int pid() {
        return state() == SandboxState.RUNNING ? Supervisor.initPid(dir.initPid()).orElse(0) : 0;
    }

    @Override
    public synchronized void start() {
        SandboxState state = state();
        if (state != SandboxState.CREATED) {
            throw new IllegalTransitionException("cannot start container " + id + ": it is " + describe(state));
        }
        ProcessHandle supervisor = Supervisor.launch(dir, tools);
        watch(supervisor);
        awaitInit(supervisor);
        if (Files.notExists(dir.initPid()) && Files.notExists(dir.execError())) {
            throw new SystemCallFailedException("start", "container " + id, LxcLog.startFailure(dir));
        }
    }

    /**
     * Returns once the user's process exists, or the supervisor ended (the container never ran,
     * or ran already). The start-host hook records the init's pid just before LXC executes
     * lxc-init, which then forks the user's process: a signal sent in between would reach a
     * half-started init, so start waits for that child too. Polls; it takes tens of ms.
     */
    private void awaitInit(ProcessHandle supervisor) {
        long deadline = System.currentTimeMillis() + START_TIMEOUT_MILLIS;
        long pause = 1;
        while (supervisor.isAlive() && !userProcessStarted()) {
            if (System.currentTimeMillis() > deadline) {
                throw new SystemCallFailedException("start", "container " + id, "timed out after "
                        + START_TIMEOUT_MILLIS / 1000 + "s waiting for lxc-execute");
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InternalException("interrupted while starting container " + id, e);
            }
            pause = Math.min(5, pause * 2);
        }
    }

    /** lxc-init has a child, or has already exited (a command that ran and ended at once). */
    private boolean userProcessStarted() {
        return Supervisor.initPid(dir.initPid())
                .map(init -> !ProcessSignals.children(init).isEmpty() || !ProcessHandle.of(init).map(ProcessHandle::isAlive).orElse(false))
                .orElse(false);
    }

    @Override
    public void signal(int signal, SignalTarget target) {
        int init = pid();
        if (init == 0) {
            throw new IllegalTransitionException("cannot kill container " + id + ": it is not running");
        }
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
    public synchronized void delete() {
        SandboxState state = state();
        if (state == SandboxState.RUNNING) {
            throw new IllegalTransitionException("cannot delete container " + id + ": it is running, stop it first");
        }
        if (deleted) {
            return;
        }
        removeTree(dir.path());
        deleted = true;
        if (!exit.isDone()) {
            exit.completeExceptionally(new IllegalTransitionException("container " + id + " was deleted before it ran"));
        }
    }

    private void watch(ProcessHandle supervisor) {
        supervisor.onExit().thenRun(this::ended);
    }

    private void ended() {
        ExitFile.read(dir.exit()).ifPresentOrElse(exit::complete, () -> exit.completeExceptionally(
                new InternalException("lost the supervisor of container " + id + ": it ended without recording an exit code")));
    }

    private static String describe(SandboxState state) {
        return state.name().toLowerCase(Locale.ROOT);
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
