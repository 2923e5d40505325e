package io.launcher.backend.lxc;

import io.launcher.api.InvalidSpecException;
import io.launcher.api.SystemCallFailedException;
import io.launcher.spi.isolation.ExecProcess;
import io.launcher.spi.isolation.ProcessSpec;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * {@code docker exec} through {@code lxc-attach}: it enters every namespace and the cgroup of the
 * container, keeps its capability bounding set and LSM profile, and returns the process's exit
 * code (127 when it is not found, 128+N after signal N). With {@code --clear-env} only the
 * spec's variables (and LXC's {@code container=lxc}) are set.
 *
 * <p>lxc-attach 5.0 has no option for the working directory: it enters the caller's own, when
 * that path exists inside, else {@code /}. It is started from {@code /}; any other directory is
 * entered with the container's {@code /bin/sh} ({@code cd DIR && exec ARGS}). Without a terminal
 * stdout and stderr stay apart; with one, lxc-attach runs on a host pty ({@link TerminalCommand})
 * and gives the process a terminal of its own, whose output is all on stdout.
 */
final class LxcExec implements ExecProcess {
    private static final File ROOT = new File("/");

    private static final long PTY_WAIT_MILLIS = 5_000;

    private final Process process;
    private final boolean terminal;
    private final InputStream stdout;
    private final OutputStream stdin;
    private final CompletableFuture<Integer> exit;

    private LxcExec(Process process, boolean terminal) {
        this.process = process;
        this.terminal = terminal;
        this.stdout = terminal ? new TerminalOutput(process.getInputStream()) : process.getInputStream();
        this.stdin = terminal ? new TerminalInput(process.getOutputStream(), this::terminalReady) : process.getOutputStream();
        this.exit = process.onExit().thenApply(Process::exitValue);
    }

    static LxcExec start(ContainerDir dir, HostTools tools, ProcessSpec spec) {
        if (!spec.additionalGids().isEmpty()) {
            throw new InvalidSpecException("unable to set supplementary groups " + spec.additionalGids()
                    + " on an exec: lxc-attach has no option for them");
        }
        List<String> attach = command(dir, tools, spec);
        ProcessBuilder builder = new ProcessBuilder(spec.terminal() ? TerminalCommand.wrap(tools, attach) : attach).directory(ROOT);
        if (spec.terminal()) {
            builder.environment().put("SHELL", TerminalCommand.shell(tools));
        } else if (!spec.stdin()) {
            // A terminal keeps its (never written) pipe instead: at end of input script would type ^D.
            builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        }
        try {
            return new LxcExec(builder.start(), spec.terminal());
        } catch (IOException e) {
            throw new SystemCallFailedException("exec in", "container " + dir.name(), String.valueOf(e.getMessage()), e);
        }
    }

    static List<String> command(ContainerDir dir, HostTools tools, ProcessSpec spec) {
        List<String> command = new ArrayList<>(List.of(tools.lxcAttach().toString(), "-q", "-n", dir.name(),
                "-P", dir.lxcPath().toString(), "--clear-env"));
        for (String variable : spec.env()) {
            command.add("-v");
            command.add(variable);
        }
        if (spec.privileged()) {
            // exec --privileged: lxc-attach's own (every) capability, not the container's set;
            // the cgroup, the seccomp filter and no_new_privs stay the container's, as with Docker
            command.add("--elevated-privileges=CAP");
        }
        command.addAll(List.of("-u", Integer.toString(spec.uid()), "-g", Integer.toString(spec.gid()), "--"));
        if (!spec.cwd().equals("/")) {
            command.addAll(List.of("/bin/sh", "-c", "cd \"$0\" && exec \"$@\"", spec.cwd()));
        }
        command.addAll(spec.args());
        return command;
    }

    @Override
    public int pid() {
        return (int) process.pid();
    }

    @Override
    public OutputStream stdin() {
        return stdin;
    }

    /** lxc-attach has set its host pty raw, or the exec has ended. */
    private boolean terminalReady() {
        return !process.isAlive() || hostPty().map(HostPty::raw).orElse(false);
    }

    /** lxc-attach's stdin: script's child, once it started. */
    private Optional<Path> hostPty() {
        return process.children().findFirst().flatMap(tool -> HostPty.ptyOf(tool.pid()));
    }

    @Override
    public InputStream stdout() {
        return stdout;
    }

    @Override
    public InputStream stderr() {
        return process.getErrorStream();
    }

    /**
     * Sets the size of the host pty lxc-attach runs on, which it passes on to the process's
     * terminal. Right after the start script may not have started lxc-attach yet: its child
     * is awaited briefly (lxc-attach copies the size it finds when it sets its terminal up).
     */
    @Override
    public void resize(int rows, int columns) {
        if (!terminal) {
            return;
        }
        long deadline = System.currentTimeMillis() + PTY_WAIT_MILLIS;
        while (process.isAlive()) {
            Optional<Path> pty = hostPty();
            if (pty.isPresent()) {
                HostPty.resize(pty.get(), rows, columns);
                return;
            }
            if (System.currentTimeMillis() > deadline) {
                throw new SystemCallFailedException("resize", "the terminal of exec " + process.pid(), "lxc-attach did not start");
            }
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public CompletableFuture<Integer> exit() {
        return exit;
    }
}
