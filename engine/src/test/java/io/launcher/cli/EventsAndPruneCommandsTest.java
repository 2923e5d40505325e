package io.launcher.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** events, container prune and image prune as the docker CLI prints them. */
class EventsAndPruneCommandsTest {
    private final CliHarness cli = new CliHarness();

    @Test
    void eventsPrintsDockersLinesBetweenSinceAndUntil() {
        cli.engine.bus.publish("container", "start", "abc", Map.of("name", "x", "image", "base"));
        cli.engine.bus.publish("container", "die", "abc", Map.of("name", "x", "image", "base", "exitCode", "0"));
        String until = Long.toString(Instant.now().getEpochSecond() + 1);
        assertEquals(0, cli.run("events", "--since", "0", "--until", until, "--filter", "event=die"));
        assertTrue(cli.out.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{9}Z container die abc "
                + "\\(exitCode=0, image=base, name=x\\)\n"), cli.out);
        assertEquals(0, cli.run("events", "--since", "0", "--until", until, "--format", "{{.Actor.Attributes.name}} {{.Action}}"));
        assertEquals("x start\nx die\n", cli.out);
    }

    @Test
    void pruneNeedsForceWithoutATerminal() {
        assertEquals(1, cli.run("container", "prune"));
        assertTrue(cli.err.contains("use -f"), cli.err);
        assertEquals(0, cli.run("container", "prune", "-f"));
        assertEquals("Deleted Containers:\n" + "c".repeat(64) + "\n\nTotal reclaimed space: 0B\n", cli.out);
        assertEquals(0, cli.run("image", "prune", "-a", "-f"));
        assertEquals("Deleted Images:\ndeleted: sha256:" + "d".repeat(64) + "\n\nTotal reclaimed space: 0B\n", cli.out);
        assertTrue(cli.engine.calls.contains("pruneImages true"));
    }
}
