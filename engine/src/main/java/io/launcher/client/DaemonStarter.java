package io.launcher.client;

import io.launcher.api.UnavailableException;
import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts {@code <home>/bin/launcher --root ROOT -H unix://SOCKET daemon ARGS} in the background
 * when no engine answers: in a session of its own ({@code setsid}, so the terminal's signals
 * and the client's exit leave it alone), stdin from /dev/null, output appended to
 * {@code ROOT/engine.log}; then waits until it answers {@code /_ping}.
 */
public final class DaemonStarter {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Duration POLL = Duration.ofMillis(100);
    private static final int LOG_TAIL_LINES = 15;

    private final Path socket;
    private final Path root;
    private final Path home;
    private final List<String> daemonArgs;

    public DaemonStarter(Path socket, Path root, Path home, List<String> daemonArgs) {
        this.socket = socket;
        this.root = root;
        this.home = home;
        this.daemonArgs = List.copyOf(daemonArgs);
    }

    /** The command line, for messages and tests. */
    public List<String> command() {
        List<String> command = new ArrayList<>();
        for (String setsid : List.of("/usr/bin/setsid", "/bin/setsid")) {
            if (Files.isExecutable(Path.of(setsid))) {
                command.add(setsid);
                break;
            }
        }
        command.add(home.resolve("bin").resolve("launcher").toString());
        command.addAll(List.of("--root", root.toString(), "-H", "unix://" + socket, "daemon"));
        command.addAll(daemonArgs);
        return command;
    }

    public Path logFile() {
        return root.resolve("engine.log");
    }

    public void start() {
        if (home == null) {
            throw new UnavailableException("cannot start the Launcher engine: launcher.home is not set");
        }
        Process process = launch();
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (RemoteEngine.answers(socket)) {
                return;
            }
            // setsid may fork and exit 0; only a failure exit means the engine died.
            if (!process.isAlive() && process.exitValue() != 0) {
                throw new UnavailableException("the Launcher engine exited with status " + process.exitValue()
                        + " while starting; " + logTail());
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new UnavailableException("interrupted while starting the Launcher engine", e);
            }
        }
        throw new UnavailableException("the Launcher engine did not answer on unix://" + socket + " within "
                + TIMEOUT.toSeconds() + " s; " + logTail());
    }

    private Process launch() {
        try {
            Files.createDirectories(root);
            ProcessBuilder builder = new ProcessBuilder(command())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile()))
                    .redirectErrorStream(true);
            return builder.start();
        } catch (IOException e) {
            throw new UnavailableException("unable to start the Launcher engine " + String.join(" ", command())
                    + ": " + e.getMessage(), e);
        }
    }

    /** The last lines of engine.log, which tell why the engine did not come up. */
    String logTail() {
        Path log = logFile();
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            long from = Math.max(0, file.length() - 4096);
            byte[] bytes = new byte[(int) (file.length() - from)];
            file.seek(from);
            file.readFully(bytes);
            List<String> lines = new String(bytes, StandardCharsets.UTF_8).lines().toList();
            List<String> tail = lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size());
            return tail.isEmpty() ? log + " is empty" : "the end of " + log + ":\n" + String.join("\n", tail);
        } catch (IOException e) {
            return "no log at " + log;
        }
    }
}
