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

/** Events and prune through the real distribution: launcher's own CLI, and the docker CLI when installed. */
@Tag("privileged")
class EventsIT {
    private static final Path DOCKER = Path.of("/usr/local/bin/docker");
    private static Distribution launcher;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "needs root");
        launcher = Distribution.start().withBaseImage();
    }

    @AfterAll
    static void stop() throws Exception {
        if (launcher != null) {
            launcher.close();
        }
    }

    @Test
    void runRmFiresCreateStartDieDestroyInOrder() throws Exception {
        long since = System.currentTimeMillis() / 1000 - 1;
        var run = launcher.launcher("run", "--rm", "--network", "none", "--name", "ev1", "base", "sh", "-c", "exit 3");
        assertEquals(3, run.exitCode(), run.err());
        String until = Long.toString(System.currentTimeMillis() / 1000 + 1);
        var events = launcher.launcher("events", "--since", Long.toString(since), "--until", until,
                "--filter", "container=ev1", "--format", "{{.Action}}");
        assertEquals(0, events.exitCode(), events.err());
        assertEquals(List.of("create", "start", "die", "destroy"), events.out().lines().toList());
        var lines = launcher.launcher("events", "--since", Long.toString(since), "--until", until, "--filter", "event=die");
        assertTrue(lines.out().lines().anyMatch(l -> l.contains(" container die ") && l.contains("exitCode=3")
                && l.contains("name=ev1")), lines.out());
    }

    @Test
    void containerPruneRemovesOnlyStoppedOnes() throws Exception {
        assertEquals(0, launcher.launcher("create", "--name", "stopped1", "--network", "none", "base", "true").exitCode());
        assertEquals(0, launcher.launcher("run", "-d", "--name", "alive1", "--network", "none", "base", "sleep", "300").exitCode());
        var refused = launcher.launcher("container", "prune");
        assertEquals(1, refused.exitCode());
        var pruned = launcher.launcher("container", "prune", "-f");
        assertEquals(0, pruned.exitCode(), pruned.err());
        assertTrue(pruned.out().startsWith("Deleted Containers:"), pruned.out());
        var names = launcher.launcher("ps", "-a", "--format", "{{.Names}}").out();
        assertTrue(names.contains("alive1") && !names.contains("stopped1"), names);
        assertEquals(0, launcher.launcher("rm", "-f", "alive1").exitCode());
        var images = launcher.launcher("image", "prune", "-f");
        assertEquals(0, images.exitCode(), images.err());
        assertTrue(launcher.launcher("images", "--format", "{{.Repository}}").out().contains("base"));
    }

    @Test
    void dockerEventsSeesARunRm() throws Exception {
        assumeTrue(Files.isExecutable(DOCKER), "no docker CLI at " + DOCKER);
        long since = System.currentTimeMillis() / 1000 - 1;
        assertEquals(0, docker("run", "--rm", "--network", "none", "--name", "ev2", "base", "true").exitCode);
        String until = Long.toString(System.currentTimeMillis() / 1000 + 1);
        DockerResult events = docker("events", "--since", Long.toString(since), "--until", until,
                "--filter", "container=ev2", "--format", "{{.Action}}");
        assertEquals(0, events.exitCode, events.err);
        assertEquals(List.of("create", "start", "die", "destroy"), events.out.lines().toList());
    }

    private record DockerResult(int exitCode, String out, String err) {
    }

    private static DockerResult docker(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(DOCKER.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(launcher.dockerEnvironment());
        Path out = Files.createTempFile(launcher.root(), "docker-out", ".txt");
        Path err = Files.createTempFile(launcher.root(), "docker-err", ".txt");
        Process process = builder.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("docker " + String.join(" ", args) + " did not finish");
        }
        DockerResult result = new DockerResult(process.exitValue(), Files.readString(out), Files.readString(err));
        Files.delete(out);
        Files.delete(err);
        return result;
    }
}
