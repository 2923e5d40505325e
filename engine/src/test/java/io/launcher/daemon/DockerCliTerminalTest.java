package io.launcher.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.launcher.api.ContainerConfig;
import io.launcher.api.HostConfig;
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

/** The real docker CLI's exec and run -i against the API server and a fake engine. */
class DockerCliTerminalTest {
    private static final Path DOCKER = Path.of("/usr/local/bin/docker");

    @TempDir
    Path dir;
    private final FakeEngine engine = new FakeEngine();
    @RegisterExtension
    final ApiServerExtension api = new ApiServerExtension(engine);

    @BeforeEach
    void start() throws IOException {
        assumeTrue(Files.isExecutable(DOCKER), "no docker CLI at " + DOCKER);
        engine.create(Optional.of("box"), new ContainerConfig("base", List.of("sleep"), List.of(), List.of(), "", "", "",
                false, false, false, Map.of()), HostConfig.DEFAULT);
        engine.start("box");
    }

    private record Result(int exit, String stdout, String stderr) {
    }

    private Result docker(String stdin, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(DOCKER.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("DOCKER_HOST", "unix://" + api.socket());
        builder.environment().put("DOCKER_CONFIG", dir.resolve("docker-config").toString());
        Path in = dir.resolve("in");
        Files.writeString(in, stdin, StandardCharsets.UTF_8);
        builder.redirectInput(in.toFile());
        Path out = dir.resolve("out");
        Path err = dir.resolve("err");
        builder.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process process = builder.start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("docker " + String.join(" ", args) + " did not finish");
        }
        return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    @Test
    void execPrintsOutputAndReturnsTheCommandsExitCode() throws Exception {
        Result echo = docker("", "exec", "box", "echo", "hi", "there");
        assertEquals(0, echo.exit(), echo.stderr());
        assertEquals("hi there\n", echo.stdout());
        Result warn = docker("", "exec", "-e", "A=1", "-w", "/tmp", "-u", "5", "box", "warn", "careful");
        assertEquals("careful\n", warn.stderr());
        Result failing = docker("", "exec", "box", "exit", "4");
        assertEquals(4, failing.exit(), failing.stderr());
        Result notFound = docker("", "exec", "box", "nosuchcommand");
        assertEquals(127, notFound.exit(), notFound.stderr());
    }

    @Test
    void execInteractiveForwardsStdinUntilItsEnd() throws Exception {
        Result cat = docker("typed into exec\n", "exec", "-i", "box", "cat");
        assertEquals(0, cat.exit(), cat.stderr());
        assertEquals("typed into exec\n", cat.stdout());
    }

    @Test
    void runInteractiveForwardsStdinAndClosesItAtTheEnd() throws Exception {
        Result run = docker("hello from stdin\n", "run", "-i", "--name", "c", "base", "cat");
        assertEquals(0, run.exit(), run.stderr());
        assertEquals("hello from stdin\n", run.stdout());
        String id = engine.container("c").id().value();
        assertEquals("hello from stdin\n", engine.stdin.get(id).toString(StandardCharsets.UTF_8));
        assertEquals(true, engine.stdinClosed.contains(id));
    }
}
