package io.launcher.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.launcher.api.StdStream;
import io.launcher.engine.MinFreeSpace;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CommandsTest {
    private static final String ID = "0123456789ab" + "c".repeat(52);
    private final CliHarness cli = new CliHarness();

    @Test
    void settingsFollowFlagsThenEnvironmentThenDefaults() {
        cli.run("ps");
        assertEquals(new CliSettings(Path.of("/var/lib/launcher"), Path.of("/run/launcher.sock"), Path.of("/opt/launcher")),
                cli.connectedWith);
        cli.run("--root", "/tmp/r", "ps");
        assertEquals(Path.of("/tmp/r/launcher.sock"), cli.connectedWith.socket());
        cli.environment.put("LAUNCHER_ROOT", "/tmp/e");
        cli.run("ps");
        assertEquals(Path.of("/tmp/e"), cli.connectedWith.root());
        assertEquals(Path.of("/tmp/e/launcher.sock"), cli.connectedWith.socket());
        cli.run("-H", "unix:///tmp/s.sock", "ps");
        assertEquals(Path.of("/tmp/s.sock"), cli.connectedWith.socket());
        cli.environment.put("LAUNCHER_HOST", "unix:///tmp/env.sock");
        cli.run("ps");
        assertEquals(Path.of("/tmp/env.sock"), cli.connectedWith.socket());
        assertEquals(125, cli.run("-H", "tcp://1.2.3.4:2375", "ps"));
    }

    /** A path flag fails as picocli's own converter for paths words it (PathValue stands in for it). */
    @Test
    void aPathNoFileSystemTakesFailsInPicocliWords() {
        assertEquals(125, cli.run("--root", "a\0b", "ps"));
        assertEquals("launcher: Invalid value for option '--root': cannot convert 'a\0b' to interface java.nio.file.Path"
                + " (java.nio.file.InvalidPathException: Nul character not allowed: a\0b) (see 'launcher --help')\n",
                cli.err);
    }

    @Test
    void daemonSettings() {
        cli.environment.put("LAUNCHER_STORAGE", "overlay");
        assertEquals(0, cli.run("daemon", "--root", "/tmp/d", "--backend", "lxc"));
        assertEquals(new DaemonSettings(Path.of("/tmp/d"), Path.of("/tmp/d/launcher.sock"), Path.of("/opt/launcher"),
                "lxc", Optional.of("overlay"), Path.of("/opt/launcher/plugins")), cli.daemonSettings);
        cli.environment.clear();
        cli.run("daemon");
        assertEquals("native", cli.daemonSettings.backend());
        assertEquals(Optional.empty(), cli.daemonSettings.storage());
        assertEquals(MinFreeSpace.DEFAULT, cli.daemonSettings.minFreeSpace());
    }

    @Test
    void minFreeSpaceTakesASizeOrAShare() {
        assertEquals(0, cli.run("daemon", "--min-free-space", "2g"));
        assertEquals(MinFreeSpace.ofBytes(2L << 30), cli.daemonSettings.minFreeSpace());
        assertEquals(0, cli.run("daemon", "--min-free-space", "10%"));
        assertEquals(MinFreeSpace.ofPercent(10), cli.daemonSettings.minFreeSpace());
        cli.environment.put("LAUNCHER_MIN_FREE_SPACE", "0");
        assertEquals(0, cli.run("daemon"));
        assertEquals(MinFreeSpace.NONE, cli.daemonSettings.minFreeSpace());
        assertEquals(125, cli.run("daemon", "--min-free-space", "120%"));
        assertEquals(125, cli.run("daemon", "--min-free-space", "lots"));
    }

    @Test
    void engineErrorsOfOtherCommandsExit1() {
        assertEquals(1, cli.run("rm", "nope"));
        assertEquals("Error response from daemon: No such container: nope\n", cli.err);
        assertEquals(125, cli.run("rm", "--bogus", "x"));
        assertEquals(125, cli.run("frobnicate"));
    }

    @Test
    void batchCommandsPrintNames() {
        cli.run("create", "--name", "web", "base");
        assertEquals(0, cli.run("stop", "-t", "3", "web"));
        assertEquals("web\n", cli.out);
        assertEquals(0, cli.run("kill", "-s", "TERM", "web"));
        assertEquals(0, cli.run("rm", "-fv", "web"));
        assertEquals(0, cli.run("wait", "web"));
        assertEquals("0\n", cli.out);
        assertEquals(List.of("create", "stop web 3", "kill web TERM", "remove web true", "await NOT_RUNNING"), cli.engine.calls);
        assertEquals(1, cli.run("stop", "web", "other"));
        assertEquals("web\n", cli.out);
    }

    @Test
    void startAttachedReturnsTheExitCode() {
        cli.engine.exitCode = 7;
        cli.engine.output.add(FakeEngine.entry(StdStream.STDOUT, "hi\n"));
        assertEquals(7, cli.run("start", "-a", ID));
        assertEquals("hi\n", cli.out);
    }

    @Test
    void logsOptions() {
        cli.engine.output.add(FakeEngine.entry(StdStream.STDOUT, "line\n"));
        assertEquals(0, cli.run("logs", "-f", "--tail", "5", "-t", "x"));
        assertTrue(cli.engine.lastLogOptions.follow());
        assertEquals(5, cli.engine.lastLogOptions.tail());
        assertEquals("2024-05-01T12:00:00Z line\n", cli.out);
        cli.run("logs", "x");
        assertEquals(-1, cli.engine.lastLogOptions.tail());
        assertEquals(125, cli.run("logs", "--tail", "many", "x"));
    }

    @Test
    void importFromStdinWithChanges() {
        cli.stdin = "tar".getBytes(StandardCharsets.UTF_8);
        assertEquals(0, cli.run("import", "-c", "CMD [\"/bin/sh\"]", "--change", "ENV PATH=/bin", "-m", "hi", "-", "base"));
        assertEquals("sha256:" + "ab".repeat(32) + "\n", cli.out);
        assertEquals(List.of("CMD [\"/bin/sh\"]", "ENV PATH=/bin"), cli.engine.lastImport.changes());
        assertEquals("base:latest", cli.engine.lastImport.tag().orElseThrow().toString());
        assertEquals("hi", cli.engine.lastImport.message());
        assertEquals("tar", new String(cli.engine.lastTarball, StandardCharsets.UTF_8));
    }

    @Test
    void importOfAMissingFileIsOneLine() {
        assertEquals(1, cli.run("import", "/no/such.tar"));
        assertEquals("launcher: open /no/such.tar: no such file or directory\n".substring("launcher: ".length()), cli.err);
    }

    @Test
    void helpEverywhere() {
        for (String command : CommandTable.NAMES) {
            assertEquals(0, cli.run(command, "--help"), command);
            assertTrue(cli.out.startsWith("Usage: launcher " + command), cli.out);
        }
        assertEquals(0, cli.run("--help"));
        assertTrue(cli.out.contains("images"));
        assertEquals(0, cli.run("--version"));
        assertTrue(cli.out.startsWith("Launcher version "));
    }

    @Test
    void inspectPrintsDockerFields() {
        cli.run("create", "--name", "web", "-m", "64m", "base", "sh");
        assertEquals(0, cli.run("inspect", "web"));
        assertTrue(cli.out.startsWith("[\n    {\n        \"Id\": \"" + ID + "\",\n"), cli.out);
        assertTrue(cli.out.contains("\"Memory\": 67108864"), cli.out);
        assertTrue(cli.out.contains("\"Cmd\": [\n                \"sh\"\n            ]"), cli.out);
        assertEquals(0, cli.run("inspect", "-f", "{{.State.Running}} {{.Name}} {{json .Config.Cmd}}", "web"));
        assertEquals("false /web [\"sh\"]\n", cli.out);
        assertEquals(1, cli.run("inspect", "ghost"));
        assertEquals("Error: No such object: ghost\n", cli.err);
        assertEquals("[]\n", cli.out);
    }
}
