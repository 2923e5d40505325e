package io.launcher.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.launcher.api.ContainerConfig;
import io.launcher.api.ExitStatus;
import io.launcher.api.HostConfig;
import io.launcher.api.StdStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The real docker CLI against the API server and a fake engine: what users' tools will see. */
class DockerCliTest {
    private static final Path DOCKER = Path.of("/usr/local/bin/docker");

    @TempDir
    Path dir;
    /** Containers "run" for a moment once started: they print and exit with 3. */
    private final FakeEngine engine = new FakeEngine() {
        @Override
        public synchronized void start(String container) {
            super.start(container);
            String id = container(container).id().value();
            Thread run = new Thread(() -> {
                try {
                    Thread.sleep(300);
                    emit(id, StdStream.STDOUT, "ran " + container(id).config().cmd() + "\n");
                    finish(id, ExitStatus.exited(3));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            run.setDaemon(true);
            run.start();
        }
    };
    @RegisterExtension
    final ApiServerExtension api = new ApiServerExtension(engine);

    @BeforeEach
    void start() throws IOException {
        assumeTrue(Files.isExecutable(DOCKER), "no docker CLI at " + DOCKER);
        engine.create(Optional.of("x"), new ContainerConfig("base", List.of("echo", "hi"), List.of(), List.of(), "", "",
                "", false, false, false, Map.of("app", "demo")), HostConfig.DEFAULT);
        engine.emit("x", StdStream.STDOUT, "hello\n");
        engine.emit("x", StdStream.STDERR, "oops\n");
    }

    private record Result(int exit, String stdout, String stderr) {
    }

    private Result docker(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(DOCKER.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("DOCKER_HOST", "unix://" + api.socket());
        builder.environment().put("DOCKER_CONFIG", dir.resolve("docker-config").toString());
        builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Path out = dir.resolve("out");
        Path err = dir.resolve("err");
        builder.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process process = builder.start();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("docker " + String.join(" ", args) + " did not finish");
        }
        return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    @Test
    void versionNegotiatesTheApi() throws Exception {
        Result version = docker("version");
        assertEquals(0, version.exit(), version.stderr());
        assertTrue(version.stdout().contains("25.0.0+launcher.0.1.0"), version.stdout());
        assertTrue(version.stdout().contains("1.47"), version.stdout());
    }

    @Test
    void psInspectLogsAndRm() throws Exception {
        Result ps = docker("ps", "-a");
        assertEquals(0, ps.exit(), ps.stderr());
        assertTrue(ps.stdout().lines().anyMatch(l -> l.contains("\"echo hi\"") && l.contains("Created") && l.endsWith("x")),
                ps.stdout());
        Result filtered = docker("ps", "-a", "-q", "--filter", "label=app=demo");
        assertEquals(engine.container("x").id().shortId(), filtered.stdout().strip());
        Result none = docker("ps", "-a", "-q", "--filter", "label=app=other");
        assertEquals("", none.stdout().strip());
        Result inspect = docker("inspect", "--format", "{{.Name}} {{.State.Running}} {{.Config.Cmd}} {{.State.StartedAt}}", "x");
        assertEquals(0, inspect.exit(), inspect.stderr());
        assertEquals("/x false [echo hi] 0001-01-01T00:00:00Z", inspect.stdout().strip());
        Result logs = docker("logs", "x");
        assertEquals("hello\n", logs.stdout());
        assertEquals("oops\n", logs.stderr());
        Result missing = docker("inspect", "nope");
        assertEquals(1, missing.exit());
        assertTrue(missing.stderr().contains("No such object: nope"), missing.stderr());
        assertEquals(0, docker("rm", "x").exit());
        assertEquals("", docker("ps", "-aq").stdout().strip());
    }

    @Test
    void startAttachAndWait() throws Exception {
        Result started = docker("start", "-a", "x");
        assertEquals(3, started.exit(), started.stderr());
        assertEquals("ran [echo, hi]\n", started.stdout());
        Result waited = docker("wait", "x");
        assertEquals("3", waited.stdout().strip());
    }

    @Test
    void runAttachesWaitsAndReturnsTheExitCode() throws Exception {
        Result run = docker("run", "--name", "r", "-e", "A=1", "-m", "64m", "--network", "none", "base", "sh", "-c", "exit 3");
        assertEquals(3, run.exit(), run.stderr());
        assertEquals("ran [sh, -c, exit 3]\n", run.stdout());
        assertEquals(List.of("A=1"), engine.container("r").config().env());
        assertEquals(64L << 20, engine.container("r").hostConfig().resources().memoryBytes());
        Result detached = docker("run", "-d", "base", "true");
        assertEquals(0, detached.exit(), detached.stderr());
        assertEquals(64, detached.stdout().strip().length());
        Result missing = docker("run", "nosuchimage");
        assertEquals(125, missing.exit());
    }

    @Test
    void infoImagesAndImport() throws Exception {
        Result info = docker("info", "--format", "{{.OSType}} {{.Driver}} {{.DefaultRuntime}} {{.MemTotal}}");
        assertEquals(0, info.exit(), info.stderr());
        assertEquals("linux overlay native " + (8L << 30), info.stdout().strip());
        Path tar = dir.resolve("rootfs.tar");
        Files.write(tar, "not really a tar".getBytes(StandardCharsets.UTF_8));
        Result imported = docker("import", tar.toString(), "mine:1");
        assertEquals(0, imported.exit(), imported.stderr());
        assertTrue(imported.stdout().strip().startsWith("sha256:"), imported.stdout());
        Result images = docker("images");
        assertTrue(images.stdout().lines().anyMatch(l -> l.startsWith("mine ") && l.contains(" 1 ")), images.stdout());
        Result image = docker("image", "inspect", "--format", "{{.Id}}", "mine:1");
        assertEquals(imported.stdout().strip(), image.stdout().strip());
    }
}
