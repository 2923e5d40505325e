package io.launcher.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Events and prune through the real distribution: launcher's own CLI, and the docker CLI when installed. */
@Tag("privileged")
class EventsIT {
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
        assertEquals(0, launcher.launcher("run", "--name", "stopped1", "--network", "none", "base",
                "sh", "-c", "head -c 300000 /dev/zero > /big").exitCode());
        // an untagged commit of it: a dangling image whose one layer holds the file
        assertEquals(0, launcher.launcher("commit", "stopped1").exitCode());
        assertEquals(0, launcher.launcher("run", "-d", "--name", "alive1", "--network", "none", "base", "sleep", "300").exitCode());
        var refused = launcher.launcher("container", "prune");
        assertEquals(1, refused.exitCode());
        var pruned = launcher.launcher("container", "prune", "-f");
        assertEquals(0, pruned.exitCode(), pruned.err());
        assertTrue(pruned.out().startsWith("Deleted Containers:"), pruned.out());
        assertTrue(pruned.out().contains("Total reclaimed space: 30"), "the 300 kB the container wrote: " + pruned.out());
        var names = launcher.launcher("ps", "-a", "--format", "{{.Names}}").out();
        assertTrue(names.contains("alive1") && !names.contains("stopped1"), names);
        assertEquals(0, launcher.launcher("rm", "-f", "alive1").exitCode());
        var images = launcher.launcher("image", "prune", "-f");
        assertEquals(0, images.exitCode(), images.err());
        assertTrue(images.out().contains("Total reclaimed space: 30"), "the committed layer: " + images.out());
        assertTrue(launcher.launcher("images", "--format", "{{.Repository}}").out().contains("base"));
    }

    @Test
    void dockerEventsSeesARunRm() throws Exception {
        assumeTrue(Distribution.dockerCli().isPresent(), "no docker CLI installed");
        long since = System.currentTimeMillis() / 1000 - 1;
        assertEquals(0, launcher.docker("run", "--rm", "--network", "none", "--name", "ev2", "base", "true").exitCode());
        String until = Long.toString(System.currentTimeMillis() / 1000 + 1);
        Distribution.Result events = launcher.docker("events", "--since", Long.toString(since), "--until", until,
                "--filter", "container=ev2", "--format", "{{.Action}}");
        assertEquals(0, events.exitCode(), events.err());
        assertEquals(List.of("create", "start", "die", "destroy"), events.out().lines().toList());
    }
}
