package io.launcher.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.launcher.client.RemoteEngine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The built distribution run as a user runs it: a daemon of its own on a temporary state root
 * and socket, and CLI calls against it. Kills what it started, by process id.
 */
final class Distribution implements AutoCloseable {
    private final Path home = Path.of(System.getProperty("launcher.dist", "target/dist")).toAbsolutePath();
    private final Path root;
    private Process daemon;

    record Result(int exitCode, String out, String err) {
    }

    Distribution(Path root) {
        this.root = root;
    }

    Path root() {
        return root;
    }

    Path launcher() {
        return home.resolve("bin/launcher");
    }

    /** Starts {@code launcher daemon} and waits until it answers. */
    void startDaemon() throws IOException, InterruptedException {
        daemon = new ProcessBuilder(launcher().toString(), "daemon", "--root", root.toString())
                .redirectErrorStream(true).redirectOutput(root.resolveSibling("daemon.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            // Asked through the client library: a CLI call would start a daemon of its own.
            if (RemoteEngine.answers(root.resolve("launcher.sock"))) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the daemon did not answer: " + Files.readString(root.resolveSibling("daemon.log")));
    }

    /** SIGKILL, as a crash or the OOM killer would. */
    void killDaemon() throws InterruptedException {
        daemon.destroyForcibly();
        daemon.waitFor();
    }

    Result run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(launcher().toString(), "--root", root.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())).start();
        byte[] err = process.getErrorStream().readAllBytes();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(process.waitFor(), out, new String(err, StandardCharsets.UTF_8));
    }

    /** Starts a CLI call without waiting for it. */
    Process start(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(launcher().toString(), "--root", root.toString()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }

    String ok(String... args) throws IOException, InterruptedException {
        Result result = run(args);
        assertEquals(0, result.exitCode(), String.join(" ", args) + ": " + result.err() + result.out());
        return result.out();
    }

    Path makeBase(Path tarball) throws IOException, InterruptedException {
        Process make = new ProcessBuilder(home.resolve("bin/make-base-image").toString(), tarball.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertEquals(0, make.waitFor());
        return tarball;
    }

    /** Stops the daemon and removes every container (their sandboxes, mounts and endpoints included). */
    @Override
    public void close() throws IOException, InterruptedException {
        if (daemon != null && daemon.isAlive()) {
            for (String id : run("ps", "-a", "-q").out().lines().toList()) {
                run("rm", "-f", id);
            }
            daemon.destroy();
            if (!daemon.waitFor(20, TimeUnit.SECONDS)) {
                daemon.destroyForcibly();
                daemon.waitFor();
            }
        }
    }
}
