package io.launcher.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.launcher.api.NetworkMode;
import io.launcher.api.PortBinding;
import io.launcher.api.StdStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RunParsingTest {
    private final CliHarness cli = new CliHarness();

    @Test
    void commandAfterImageIsUntouched() {
        cli.engine.exitCode = 3;
        assertEquals(3, cli.run("run", "base", "sh", "-c", "exit 3"));
        assertEquals(List.of("sh", "-c", "exit 3"), cli.engine.lastConfig.cmd());
        assertEquals("base", cli.engine.lastConfig.image());
    }

    @Test
    void flagsAfterImageBelongToTheCommand() {
        cli.run("run", "--rm", "base", "ls", "-la", "--name", "x", "-e", "A=1", "--", "-it");
        assertEquals(List.of("ls", "-la", "--name", "x", "-e", "A=1", "--", "-it"), cli.engine.lastConfig.cmd());
        assertEquals(Optional.empty(), cli.engine.lastName);
        assertTrue(cli.engine.lastConfig.env().isEmpty());
    }

    @Test
    void attachesBeforeStartThenWaits() {
        cli.engine.output.add(FakeEngine.entry(StdStream.STDOUT, "hello\n"));
        cli.engine.output.add(FakeEngine.entry(StdStream.STDERR, "oops\n"));
        assertEquals(0, cli.run("run", "base", "echo", "hello"));
        assertEquals(List.of("create", "attach", "start 0123456789ab" + "c".repeat(52), "await NOT_RUNNING"), cli.engine.calls);
        assertEquals("hello\n", cli.out);
        assertEquals("oops\n", cli.err);
    }

    @Test
    void removeWaitsForRemoval() {
        cli.run("run", "--rm", "base", "true");
        assertTrue(cli.engine.lastHostConfig.autoRemove());
        assertTrue(cli.engine.calls.contains("await REMOVED"), cli.engine.calls.toString());
        assertFalse(cli.engine.calls.contains("await NOT_RUNNING"));
    }

    @Test
    void combinedShortFlags() {
        assertEquals(0, cli.run("run", "-it", "base", "/bin/sh"));
        assertTrue(cli.engine.lastConfig.tty());
        assertTrue(cli.engine.lastConfig.openStdin());
        assertTrue(cli.engine.lastConfig.stdinOnce());

        cli.engine.calls.clear();
        assertEquals(0, cli.run("run", "-dit", "base", "/bin/sh"));
        assertTrue(cli.engine.lastConfig.tty());
        assertTrue(cli.engine.lastConfig.openStdin());
        assertFalse(cli.engine.lastConfig.stdinOnce());
        assertEquals("0123456789ab" + "c".repeat(52) + "\n", cli.out);
        assertFalse(cli.engine.calls.contains("attach"));
    }

    @Test
    void everyRunFlagReachesTheConfig() {
        cli.environment.put("FROM_HOST", "h");
        assertEquals(0, cli.run("run", "-d", "--name", "web", "-e", "A=1", "--env", "B=2", "-e", "FROM_HOST", "-e", "UNSET",
                "-w", "/tmp", "-u", "nobody", "-h", "box", "-m", "512m", "-c", "512", "--cpus", "1.5",
                "--pids-limit", "64", "-v", "/a:/b:ro", "--network", "host", "--entrypoint", "/bin/env",
                "--read-only", "--cap-add", "NET_ADMIN", "--cap-drop", "CHOWN", "-l", "k=v", "-p", "8080:80",
                "--security-opt", "seccomp=unconfined", "base", "x"));
        var config = cli.engine.lastConfig;
        var host = cli.engine.lastHostConfig;
        assertEquals(Optional.of("web"), cli.engine.lastName);
        assertEquals(List.of("A=1", "B=2", "FROM_HOST=h"), config.env());
        assertEquals("/tmp", config.workingDir());
        assertEquals("nobody", config.user());
        assertEquals("box", config.hostname());
        assertEquals(List.of("/bin/env"), config.entrypoint());
        assertEquals(Map.of("k", "v"), config.labels());
        assertEquals(512L * 1024 * 1024, host.resources().memoryBytes());
        assertEquals(512, host.resources().cpuShares());
        assertEquals(1_500_000_000L, host.resources().nanoCpus());
        assertEquals(64, host.resources().pidsLimit());
        assertEquals(List.of("/a:/b:ro"), host.binds());
        assertEquals(NetworkMode.HOST, host.networkMode());
        assertTrue(host.readonlyRootfs());
        assertEquals(List.of("NET_ADMIN"), host.capAdd());
        assertEquals(List.of("CHOWN"), host.capDrop());
        assertEquals(List.of("seccomp=unconfined"), host.securityOpt());
        assertEquals(List.of(new PortBinding(PortBinding.Protocol.TCP, "", 8080, 80)), host.portBindings());
        assertEquals(List.of("80/tcp"), config.exposedPorts());
        assertEquals("", cli.err);
    }

    @Test
    void memoryUnitsAreDockers() {
        assertEquals(512L << 20, MemorySize.parse("512m"));
        assertEquals(512L << 20, MemorySize.parse("512M"));
        assertEquals(1L << 30, MemorySize.parse("1g"));
        assertEquals(3L << 29, MemorySize.parse("1.5g"));
        assertEquals(64L << 10, MemorySize.parse("64k"));
        assertEquals(100, MemorySize.parse("100b"));
        assertEquals(100, MemorySize.parse("100"));
        assertEquals(6L << 20, MemorySize.parse("6MiB"));
    }

    @Test
    void badMemoryIsOneLineAndExit125() {
        assertEquals(125, cli.run("run", "-m", "lots", "base", "true"));
        assertEquals(1, cli.err.lines().count(), cli.err);
        assertTrue(cli.err.startsWith("launcher: "), cli.err);
        assertTrue(cli.err.contains("invalid size: 'lots'"), cli.err);
        assertTrue(cli.err.endsWith("(see 'launcher run --help')\n"), cli.err);
        assertTrue(cli.engine.calls.isEmpty());
    }

    @Test
    void tooLittleMemoryExit125() {
        assertEquals(125, cli.run("run", "-m", "1m", "base", "true"));
        assertTrue(cli.err.startsWith("launcher: Error response from daemon: Minimum memory limit allowed is 6MB"), cli.err);
    }

    @Test
    void unknownFlagIs125AndAMissingImageArgumentIs1() {
        assertEquals(125, cli.run("run", "--bogus", "base"));
        assertTrue(cli.err.startsWith("launcher: "), cli.err);
        assertEquals(1, cli.run("run"), "a missing argument, as the docker CLI");
        assertEquals(125, cli.run("create", "--memory=x", "base"));
        assertTrue(cli.err.endsWith("(see 'launcher create --help')\n"), cli.err);
    }

    @Test
    void engineFailureOfRunIs125() {
        assertEquals(125, cli.run("run", "missing"));
        assertEquals("Unable to find image 'missing:latest' locally\nlauncher: Error response from daemon: pull access denied for missing,"
                + " repository does not exist or may require 'docker login'\n", cli.err);
    }

    @Test
    void badPublishAndNetworkAre125() {
        assertEquals(125, cli.run("run", "-p", "99999:80", "base"));
        assertEquals(125, cli.run("run", "--network", "weird", "base"));
        assertEquals(125, cli.run("run", "--cpus", "abc", "base"));
    }

    @Test
    void createPrintsTheId() {
        assertEquals(0, cli.run("create", "--name", "c1", "base", "sleep", "1"));
        assertEquals("0123456789ab" + "c".repeat(52) + "\n", cli.out);
        assertEquals(List.of("create"), cli.engine.calls);
    }

    @Test
    void repeatedSingleOptionTakesTheLast() {
        cli.run("run", "-m", "1g", "-m", "2g", "base");
        assertEquals(2L << 30, cli.engine.lastHostConfig.resources().memoryBytes());
    }
}
