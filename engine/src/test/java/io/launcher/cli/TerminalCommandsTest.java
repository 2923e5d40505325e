package io.launcher.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.launcher.api.ContainerDetails;
import io.launcher.api.StdStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** run -i/-t, attach, exec, restart and rename against the fake engine (stdin is a byte array, not a terminal). */
class TerminalCommandsTest {
    private final CliHarness cli = new CliHarness();

    private String running(String name) {
        cli.run("create", "-i", "--name", name, "base", "sh");
        ContainerDetails c = cli.engine.containers.values().iterator().next();
        cli.engine.containers.put(c.id().value(), new ContainerDetails(c.id(), c.name(), c.created(), c.image(), c.config(),
                c.hostConfig(), c.state().started(42, Instant.now()), c.logPath(), c.network()));
        cli.engine.calls.clear();
        return c.id().value();
    }

    @Test
    void runInteractiveForwardsStdinAndItsEnd() throws Exception {
        cli.stdin = "echo hi\n".getBytes(StandardCharsets.UTF_8);
        cli.engine.holdOutput = true;
        cli.engine.exitCode = 3;
        cli.engine.output.add(FakeEngine.entry(StdStream.STDOUT, "hi\n"));
        assertEquals(3, cli.run("run", "-i", "base", "sh"));
        assertTrue(cli.engine.stdinClosed);
        assertEquals("hi\n", cli.out);
        assertTrue(cli.engine.lastConfig.openStdin());
        assertTrue(cli.engine.lastConfig.stdinOnce());
        assertFalse(cli.engine.lastConfig.tty());
        assertEquals("echo hi\n", cli.engine.stdin.toString(StandardCharsets.UTF_8));
        assertTrue(cli.engine.calls.indexOf("attachStdin") < cli.engine.calls.indexOf("start " + cli.engine.containers.keySet().iterator().next()));
    }

    @Test
    void ctrlPCtrlQDetachesWithExitZeroAndLeavesStdinOpen() {
        cli.stdin = new byte[] {'l', 's', 0x10, 0x11, 'x'};
        cli.engine.holdOutput = true;
        cli.engine.exitCode = 9;
        assertEquals(0, cli.run("run", "-it", "base", "sh"));
        assertEquals("", cli.out + cli.err);
        assertTrue(cli.engine.lastConfig.tty());
        // The sequence goes on to the engine, which detaches the same way instead of closing stdin.
        assertArrayEquals(new byte[] {'l', 's', 0x10, 0x11}, cli.engine.stdin.toByteArray());
        assertFalse(cli.engine.stdinClosed);
        assertFalse(cli.engine.calls.contains("await NOT_RUNNING"));
    }

    @Test
    void ttyWithoutInteractiveAttachesNoStdin() {
        assertEquals(0, cli.run("run", "-t", "base", "sh"));
        assertFalse(cli.engine.calls.contains("attachStdin"));
        assertTrue(cli.engine.lastConfig.tty());
        assertFalse(cli.engine.lastConfig.openStdin());
    }

    @Test
    void attachRefusesAStoppedContainerAndFollowsARunningOne() {
        cli.run("create", "--name", "idle", "base");
        assertEquals(1, cli.run("attach", "idle"));
        assertEquals("Error response from daemon: You cannot attach to a stopped container, start it first\n", cli.err);
        cli.engine.containers.clear();
        running("live");
        cli.engine.exitCode = 4;
        cli.engine.output.add(FakeEngine.entry(StdStream.STDOUT, "out\n"));
        cli.stdin = "in".getBytes(StandardCharsets.UTF_8);
        assertEquals(4, cli.run("attach", "live"));
        assertEquals("out\n", cli.out);
        assertTrue(cli.engine.calls.contains("attachStdin"));
        cli.engine.calls.clear();
        cli.run("attach", "--no-stdin", "live");
        assertFalse(cli.engine.calls.contains("attachStdin"));
    }

    @Test
    void execPassesItsOptionsAndExitsWithTheCommandsCode() {
        String id = running("box");
        cli.engine.exitCode = 5;
        cli.engine.output.add(FakeEngine.entry(StdStream.STDERR, "warn\n"));
        cli.environment.put("FROM_CLIENT", "c");
        assertEquals(5, cli.run("exec", "-e", "A=1", "-e", "FROM_CLIENT", "-w", "/w", "-u", "7:8", "box", "ls", "-l"));
        assertEquals("warn\n", cli.err);
        var config = cli.engine.lastExec;
        assertEquals(List.of("ls", "-l"), config.cmd());
        assertEquals(List.of("A=1", "FROM_CLIENT=c"), config.env());
        assertEquals("/w", config.workingDir());
        assertEquals("7:8", config.user());
        assertFalse(config.tty() || config.attachStdin());
        assertTrue(config.attachStdout() && config.attachStderr());
        assertEquals(List.of("createExec box", "startExec", "closeExec"), cli.engine.calls);
        cli.engine.calls.clear();
        cli.stdin = "typed".getBytes(StandardCharsets.UTF_8);
        cli.engine.exitCode = 0;
        assertEquals(0, cli.run("exec", "-it", id.substring(0, 12), "sh"));
        assertTrue(cli.engine.lastExec.tty() && cli.engine.lastExec.attachStdin());
        cli.engine.calls.clear();
        assertEquals(0, cli.run("exec", "-d", "box", "sleep", "9"));
        assertEquals(List.of("createExec box", "startExec", "closeExec"), cli.engine.calls);
        assertFalse(cli.engine.lastExec.attachStdout());
        assertEquals(1, cli.run("exec", "box"));
        assertTrue(cli.err.contains("'launcher exec' requires at least 2 arguments"), cli.err);
    }

    @Test
    void restartAndRename() {
        running("web");
        assertEquals(0, cli.run("restart", "-t", "2", "web"));
        assertEquals("web\n", cli.out);
        assertEquals(0, cli.run("rename", "web", "site"));
        assertEquals("", cli.out);
        assertEquals(List.of("restart web 2", "rename web site"), cli.engine.calls);
        assertEquals(1, cli.run("rename", "web"));
    }
}
