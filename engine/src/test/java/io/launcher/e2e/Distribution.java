package io.launcher.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The built distribution (engine/target/dist) driven as a user drives it: a daemon of its own on
 * a temporary state root and socket, the {@code base} image made from the host's busybox, and
 * CLI calls whose output and exit code tests assert on. {@link #close()} force-removes every
 * container, stops the daemon and deletes the root.
 */
public final class Distribution implements AutoCloseable {
    private final Path home;
    private final Path root;
    private final Path socket;
    private final List<String> daemonArguments;
    private Process daemon;

    /** One finished CLI call. */
    public record Result(int exitCode, String out, String err) {
        public String outLine() {
            return out.strip();
        }
    }

    private Distribution(Path home, Path root, List<String> daemonArguments) {
        this.home = home;
        this.root = root;
        this.socket = root.resolve("launcher.sock");
        this.daemonArguments = List.copyOf(daemonArguments);
    }

    /** Starts a daemon on a new temporary root; skips the test when not root or the dist is not built. */
    public static Distribution start() throws IOException, InterruptedException {
        return start(List.of());
    }

    /**
     * As {@link #start()}, with extra arguments after {@code daemon} (e.g. {@code --backend lxc});
     * they also apply to every later {@link #startDaemon()}.
     */
    public static Distribution start(List<String> daemonArguments) throws IOException, InterruptedException {
        return startIn(Path.of("/tmp"), daemonArguments);
    }

    /**
     * A daemon with {@code --backend NAME} and the base image, for the suites that run once per
     * isolation backend; skips when that backend's tools are missing (LXC's, a Debian package).
     */
    public static Distribution startWithBackend(String backend) throws IOException, InterruptedException {
        if (backend.equals("lxc")) {
            assumeTrue(Stream.of(System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":"))
                    .anyMatch(dir -> Files.isExecutable(Path.of(dir, "lxc-execute"))),
                    "lxc-execute is not installed (Debian's lxc package)");
        }
        return start(List.of("--backend", backend)).withBaseImage();
    }

    /** As {@link #start(List)}, with the state root a new folder in {@code parent} (e.g. a small filesystem). */
    public static Distribution startIn(Path parent, List<String> daemonArguments) throws IOException, InterruptedException {
        assumeTrue("root".equals(System.getProperty("user.name")), "end-to-end tests run containers: they need root");
        String dist = System.getProperty("launcher.dist");
        assumeTrue(dist != null && Files.isExecutable(Path.of(dist, "bin", "launcher")),
                "the distribution is not built (run through failsafe after package)");
        Path root = Files.createTempDirectory(parent, "launcher-e2e-");
        Distribution d = new Distribution(Path.of(dist), root, daemonArguments);
        d.startDaemon();
        return d;
    }

    public Path root() {
        return root;
    }

    public Path socket() {
        return socket;
    }

    public Path home() {
        return home;
    }

    public void startDaemon() throws IOException, InterruptedException {
        // A killed daemon leaves its socket file: waiting for the file must not see that one.
        Files.deleteIfExists(socket);
        List<String> arguments = new ArrayList<>(List.of("daemon"));
        arguments.addAll(daemonArguments);
        daemon = new ProcessBuilder(command(arguments))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(root.resolve("engine.log").toFile()))
                .start();
        for (int i = 0; i < 600 && !Files.exists(socket); i++) {
            if (!daemon.isAlive()) {
                throw new IllegalStateException("the daemon died: " + Files.readString(root.resolve("engine.log")));
            }
            Thread.sleep(50);
        }
        if (launcher("version").exitCode() != 0) {
            throw new IllegalStateException("the daemon does not answer: " + Files.readString(root.resolve("engine.log")));
        }
    }

    /** Kills the daemon with SIGKILL, as a crash would; containers keep running. */
    public void killDaemon() throws InterruptedException {
        daemon.destroyForcibly();
        daemon.waitFor(30, TimeUnit.SECONDS);
    }

    /** Imports the {@code base} image made by make-base-image. */
    public Distribution withBaseImage() throws IOException, InterruptedException {
        Path tarball = root.resolve("base.tar");
        Process make = new ProcessBuilder(home.resolve("bin/make-base-image").toString(), tarball.toString())
                .redirectErrorStream(true).start();
        String out = new String(make.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (make.waitFor() != 0) {
            throw new IllegalStateException("make-base-image failed: " + out);
        }
        Result imported = launcher("import", "-c", "CMD [\"/bin/sh\"]", tarball.toString(), "base");
        if (imported.exitCode() != 0) {
            throw new IllegalStateException("import failed: " + imported.err());
        }
        Files.delete(tarball);
        return this;
    }

    /** Runs {@code bin/launcher --root ROOT -H unix://SOCKET ARGS...} and waits for it. */
    public Result launcher(String... args) throws IOException, InterruptedException {
        return run(command(List.of(args)), Map.of());
    }

    /** As {@link #launcher}, for a call that must succeed: a failure names the call and its stderr. */
    public Result launcherOk(String... args) throws IOException, InterruptedException {
        Result result = launcher(args);
        assertEquals(0, result.exitCode(), String.join(" ", args) + ": " + result.err());
        return result;
    }

    /** The docker CLI installed on this host, if any: a client no one here wrote. */
    public static Optional<Path> dockerCli() {
        return Stream.of("/usr/local/bin/docker", "/usr/bin/docker").map(Path::of).filter(Files::isExecutable).findFirst();
    }

    /** Runs the host's docker CLI against this engine's socket and waits for it. */
    public Result docker(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(dockerCli().orElseThrow().toString()));
        command.addAll(List.of(args));
        return run(command, dockerEnvironment());
    }

    private Result run(List<String> command, Map<String, String> environment) throws IOException, InterruptedException {
        Path out = Files.createTempFile(root, "out", ".txt");
        Path err = Files.createTempFile(root, "err", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(environment);
        Process process = builder.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " did not finish in 120 s");
        }
        Result result = new Result(process.exitValue(), Files.readString(out), Files.readString(err));
        Files.delete(out);
        Files.delete(err);
        return result;
    }

    private List<String> command(List<String> args) {
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/launcher").toString(),
                "--root", root.toString(), "-H", "unix://" + socket));
        command.addAll(args);
        return command;
    }

    /** Environment for a docker CLI pointed at this engine. */
    public Map<String, String> dockerEnvironment() {
        return Map.of("DOCKER_HOST", "unix://" + socket, "DOCKER_CONFIG", root.resolve("docker-config").toString());
    }

    @Override
    public void close() throws IOException, InterruptedException {
        try {
            if (daemon != null && daemon.isAlive()) {
                Result ids = launcher("ps", "-aq", "--no-trunc");
                for (String id : ids.out().split("\\s+")) {
                    if (!id.isBlank()) {
                        launcher("rm", "-f", id);
                    }
                }
                daemon.destroy();
                if (!daemon.waitFor(30, TimeUnit.SECONDS)) {
                    daemon.destroyForcibly();
                }
            }
        } finally {
            new ProcessBuilder("rm", "-rf", root.toString()).start().waitFor();
            // LXC (--backend lxc) keeps a lock folder per lxcpath below /run/lxc/lock, the root's
            // path repeated; rm removed each container's lock file, the emptied folders go here.
            Path locks = Path.of("/run/lxc/lock" + root.toAbsolutePath());
            if (Files.isDirectory(locks)) {
                new ProcessBuilder("find", locks.toString(), "-depth", "-type", "d", "-empty", "-delete").start().waitFor();
            }
        }
    }
}
