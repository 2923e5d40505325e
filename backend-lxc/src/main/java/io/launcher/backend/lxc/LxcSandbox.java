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
            throw new SystemCallFailedException("start", "container " + id, LxcLog.lastError(dir.lxcLog()));
        }
    }

    /**
     * Returns once the start-host hook recorded the init's pid (the container runs) or the
     * supervisor ended (it never did, or ran already). Polls: the pid file appears within tens of ms.
     */
    private void awaitInit(ProcessHandle supervisor) {
        long deadline = System.currentTimeMillis() + START_TIMEOUT_MILLIS;
        long pause = 1;
        while (Files.notExists(dir.initPid()) && supervisor.isAlive()) {
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
            pause = Math.min(10, pause * 2);
        }
    }

    @Override
    public void signal(int signal, SignalTarget target) {
        int init = pid();
        if (init == 0) {
            throw new IllegalTransitionException("cannot kill container " + id + ": it is not running");
        }
        // lxc-init forwards what it receives to the user's process; SIGKILL on a pid namespace's
        // init makes the kernel kill every process in it.
        ProcessSignals.kill(init, signal);
        if (target == SignalTarget.ALL && signal != SIGKILL) {
            List<Integer> members = ProcessSignals.namespaceMembers(init);
            members.forEach(pid -> ProcessSignals.kill(pid, signal));
        }
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
