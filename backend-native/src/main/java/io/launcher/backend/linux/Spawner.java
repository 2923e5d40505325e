package io.launcher.backend.linux;

import io.launcher.api.InvalidSpecException;
import io.launcher.api.SystemCallFailedException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code launcher-shim serve} (src/main/c/serve.c): one small process, started on the first
 * container and then asked for each container's monitor over {@code <binDir>/spawner.sock}; the
 * monitor is a fork of it and reports on the same connection. Exec processes are forks of it
 * too, asked for over {@code <binDir>/exec.sock} with their pipes passed along ({@link SpawnedExec}). A container so costs one fork
 * instead of the JVM's process launch (vfork, jspawnhelper's exec), the shim's exec and its fork,
 * and still never a fork of the JVM. The spawner ends when the pipe to its stdin closes, with
 * this JVM at the latest; monitors lead sessions of their own and outlive it (live restore).
 */
final class Spawner {
    private static final String SOCKET = "spawner.sock";
    private static final String EXEC_SOCKET = "exec.sock";

    private final Path executable;
    private final Path dir;
    /** Guarded by this; its stdin is held open for as long as it should serve. */
    private Process process;

    Spawner(Path executable, Path dir) {
        this.executable = executable;
        this.dir = dir;
    }

    /** A monitor just started: its pids, and the connection on which it will push the exit. */
    record Spawned(MonitorPids pids, MonitorConnection connection) { }

    /**
     * Starts the monitor of a bundle; returns once the init is parked, or with {@code run} once
     * it was told to run the process (create and the monitor's "start" in one exchange). The
     * caller owns the connection: the monitor keeps it as a control client until the exit.
     */
    Spawned create(Path bundle, boolean run) {
        Optional<MonitorConnection> connection = connect(false);
        if (connection.isEmpty()) {
            // a spawner that ended (killed, or its executable replaced) is started afresh once
            connection = connect(true);
        }
        MonitorConnection monitor = connection.orElseThrow(() ->
                new SystemCallFailedException("connect to", dir.resolve(SOCKET).toString(), "ECONNREFUSED"));
        try {
            return new Spawned(parse(monitor.requestExactly((run ? "run " : "create ") + bundle)), monitor);
        } catch (IOException e) {
            monitor.close();
            throw new SystemCallFailedException("start monitor for", bundle.toString(), "it exited without a report", e);
        } catch (RuntimeException e) {
            monitor.close();
            throw e;
        }
    }

    /**
     * Starts the exec process of {@code <bundle>/exec/<id>.spec}: the spawner forks its relay,
     * which joins the container (src/main/c/execserve.c); returns once the relay runs.
     */
    SpawnedExec exec(Path bundle, String id) {
        ensureRunning(false);
        Path socket = dir.resolve(EXEC_SOCKET);
        try {
            return SpawnedExec.start(bundle, id, (message, fds) -> {
                try {
                    RightsSender.send(socket, message, fds);
                } catch (RightsSender.NotListening e) {
                    // a spawner that ended (killed, or its executable replaced) is started afresh once
                    ensureRunning(true);
                    RightsSender.send(socket, message, fds);
                }
            });
        } catch (IOException e) {
            throw new SystemCallFailedException("start exec in", bundle.toString(), e.getMessage(), e);
        }
    }

    private Optional<MonitorConnection> connect(boolean restart) {
        ensureRunning(restart);
        return MonitorConnection.open(dir.resolve(SOCKET));
    }

    /** "ok <monitor pid> <init pid>" or "error <fault> <message>", fault 2 for an invalid spec. */
    static MonitorPids parse(String reply) {
        if (reply.startsWith("ok ")) {
            return MonitorPids.parse(reply.substring(3));
        }
        String[] parts = reply.split(" ", 3);
        String message = parts.length == 3 ? parts[2] : reply;
        if (parts.length == 3 && parts[0].equals("error") && parts[1].equals("2")) {
            throw new InvalidSpecException(message);
        }
        throw Shim.systemCallFailed(message);
    }

    /** The spawner's pid, or -1 before the first container. */
    synchronized long pid() {
        return process == null ? -1 : process.pid();
    }

    /** Closes the spawner's stdin: it removes its socket and ends; monitors are not touched. */
    synchronized void close() {
        if (process != null) {
            try {
                process.getOutputStream().close();
            } catch (IOException e) {
                process.destroy();
            }
        }
    }

    private synchronized void ensureRunning(boolean restart) {
        if (process != null && process.isAlive() && !restart) {
            return;
        }
        if (process != null) {
            process.destroy();
        }
        try {
            process = new ProcessBuilder(executable.toString(), "serve", dir.toString())
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.US_ASCII));
            String line = out.readLine();
            if (!"ready".equals(line)) {
                process.destroy();
                throw new SystemCallFailedException("start", executable + " serve", "it exited before it listened");
            }
        } catch (IOException e) {
            throw new SystemCallFailedException("start", executable + " serve", e.getMessage(), e);
        }
    }
}
