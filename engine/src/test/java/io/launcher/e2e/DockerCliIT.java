package io.launcher.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The real docker CLI, a client no one here wrote, driving Launcher's engine through its socket. */
@Tag("privileged")
class DockerCliIT {
    private static final Path DOCKER = Path.of("/usr/local/bin/docker");
    private static Distribution launcher;

    record Result(int exitCode, String out, String err) {
    }

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(Files.isExecutable(DOCKER) || Files.isExecutable(Path.of("/usr/bin/docker")), "no docker CLI installed");
        launcher = Distribution.start().withBaseImage();
    }

    @AfterAll
    static void stop() throws Exception {
        if (launcher != null) {
            launcher.close();
        }
    }

    @Test
    void runRmPrintsAndReturnsTheExitCode() throws Exception {
        Result run = docker("run", "--rm", "--network", "none", "base", "sh", "-c", "echo via-docker; exit 5");
        assertEquals(5, run.exitCode(), run.err());
        assertEquals("via-docker\n", run.out());
    }

    @Test
    void detachedContainerExecLogsInspectAndForcedRemoval() throws Exception {
        Result started = docker("run", "-d", "--name", "svc", "base", "sh", "-c", "echo ready; sleep 300");
        assertEquals(0, started.exitCode(), started.err());
        Result ps = docker("ps", "--format", "{{.Names}} {{.Status}}");
        assertTrue(ps.out().lines().anyMatch(l -> l.startsWith("svc Up")), ps.out());
        Result exec = docker("exec", "svc", "sh", "-c", "echo inside-$(hostname)");
        assertEquals(0, exec.exitCode(), exec.err());
        assertTrue(exec.out().startsWith("inside-"), exec.out());
        assertEquals(3, docker("exec", "svc", "sh", "-c", "exit 3").exitCode());
        assertEquals("ready\n", docker("logs", "svc").out());
        Result inspect = docker("inspect", "-f", "{{.State.Running}} {{.Config.Cmd}} {{.NetworkSettings.IPAddress}}", "svc");
        assertTrue(inspect.out().startsWith("true [sh -c echo ready; sleep 300] 10.87."), inspect.out());
        assertEquals(0, docker("rm", "-f", "svc").exitCode());
        assertTrue(docker("ps", "-a", "--format", "{{.Names}}").out().lines().noneMatch("svc"::equals));
    }

    @Test
    void imagesAndCommit() throws Exception {
        assertEquals(0, docker("run", "--name", "maker", "--network", "none", "base", "sh", "-c", "echo made > /made").exitCode());
        assertEquals(0, docker("commit", "maker", "made:v1").exitCode());
        Result images = docker("images", "--format", "{{.Repository}}:{{.Tag}}");
        assertTrue(images.out().lines().anyMatch("made:v1"::equals), images.out());
        Result run = docker("run", "--rm", "--network", "none", "made:v1", "cat", "/made");
        assertEquals("made\n", run.out(), run.err());
        assertEquals(0, docker("rm", "maker").exitCode());
        assertEquals(0, docker("rmi", "made:v1").exitCode());
    }

    @Test
    void versionNegotiatesAnApiVersion() throws Exception {
        Result version = docker("version", "--format", "{{.Server.APIVersion}}");
        assertEquals(0, version.exitCode(), version.err());
        assertTrue(version.out().strip().matches("1\\.[0-9]+"), version.out());
    }

    private static Result docker(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Files.isExecutable(DOCKER) ? DOCKER.toString() : "/usr/bin/docker"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(launcher.dockerEnvironment());
        Path out = Files.createTempFile(launcher.root(), "docker-out", ".txt");
        Path err = Files.createTempFile(launcher.root(), "docker-err", ".txt");
        Process process = builder.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("docker " + String.join(" ", args) + " did not finish");
        }
        Result result = new Result(process.exitValue(), Files.readString(out), Files.readString(err));
        Files.delete(out);
        Files.delete(err);
        return result;
    }
}
