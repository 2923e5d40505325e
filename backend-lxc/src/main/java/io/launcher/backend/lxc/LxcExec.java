package io.launcher.backend.lxc;

import io.launcher.api.InvalidSpecException;
import io.launcher.api.SystemCallFailedException;
import io.launcher.spi.isolation.ExecProcess;
import io.launcher.spi.isolation.ProcessSpec;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * {@code docker exec} through {@code lxc-attach}: it enters every namespace and the cgroup of the
 * container, keeps its capability bounding set and LSM profile, and returns the process's exit
 * code (127 when it is not found, 128+N after signal N). With {@code --clear-env} only the
 * spec's variables (and LXC's {@code container=lxc}) are set.
 *
 * <p>lxc-attach 5.0 has no option for the working directory: it enters the caller's own, when
 * that path exists inside, else {@code /}. It is started from {@code /}; any other directory is
 * entered with the container's {@code /bin/sh} ({@code cd DIR && exec ARGS}). No terminal is
 * allocated: stdout and stderr stay apart.
 */
final class LxcExec implements ExecProcess {
    private static final File ROOT = new File("/");

    private final Process process;
    private final CompletableFuture<Integer> exit;

    private LxcExec(Process process) {
        this.process = process;
        this.exit = process.onExit().thenApply(Process::exitValue);
    }

    static LxcExec start(ContainerDir dir, HostTools tools, ProcessSpec spec) {
        if (!spec.additionalGids().isEmpty()) {
            throw new InvalidSpecException("unable to set supplementary groups " + spec.additionalGids()
                    + " on an exec: lxc-attach has no option for them");
        }
        ProcessBuilder builder = new ProcessBuilder(command(dir, tools, spec)).directory(ROOT);
        if (!spec.stdin()) {
            builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        }
        try {
            return new LxcExec(builder.start());
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
        return process.getOutputStream();
    }

    @Override
    public InputStream stdout() {
        return process.getInputStream();
    }

    @Override
    public InputStream stderr() {
        return process.getErrorStream();
    }

    /** No terminal, so nothing to resize. */
    @Override
    public void resize(int rows, int columns) {
        // lxc-attach runs the process without a pty here: there is no window size to set.
    }

    @Override
    public CompletableFuture<Integer> exit() {
        return exit;
    }
}
