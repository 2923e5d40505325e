package io.launcher.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.launcher.e2e.Distribution.Result;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code launcher exec} end to end: its flags, exit codes and descriptors, that the native
 * backend's execs come from the shim's spawner (never from the engine's JVM), and an exec into a
 * container the engine adopted after it was killed and started again (live restore).
 */
@Tag("privileged")
class ExecIT {
    private static Distribution launcher;

    @BeforeAll
    static void start() throws Exception {
        launcher = Distribution.start().withBaseImage();
        Result run = launcher.launcher("run", "-d", "--name", "box", "--network", "none", "base", "sleep", "600");
        assertEquals(0, run.exitCode(), run.err());
    }

    @AfterAll
    static void stop() throws Exception {
        if (launcher != null) {
            launcher.close();
        }
    }

    private static Result ok(String... args) throws Exception {
        return launcher.launcherOk(args);
    }

    /** {@code launcher exec -i} with {@code input} on its stdin. */
    private static String piped(String input, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(launcher.home().resolve("bin/launcher").toString(),
                "--root", launcher.root().toString(), "-H", "unix://" + launcher.socket(), "exec", "-i"));
        command.addAll(List.of(args));
        Path in = Files.writeString(Files.createTempFile(launcher.root(), "in", ".txt"), input);
        Process process = new ProcessBuilder(command).redirectInput(in.toFile()).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), out);
        Files.delete(in);
        return out;
    }

    @Test
    void flagsReachTheProcess() throws Exception {
        assertEquals("bar /tmp/made/here 1234:5678\n", ok("exec", "-e", "FOO=bar", "-w", "/tmp/made/here", "-u", "1234:5678",
                "box", "sh", "-c", "echo $FOO $(pwd) $(id -u):$(id -g)").out());
        assertEquals("piped\n", piped("piped\n", "box", "cat"));
        ok("exec", "-d", "box", "sh", "-c", "echo detached > /tmp/detached");
        assertEquals("detached\n", ok("exec", "box", "sh", "-c",
                "while [ ! -s /tmp/detached ]; do usleep 10000; done; cat /tmp/detached").out());
        assertEquals("CapEff:\t00000000a80425fb\n", ok("exec", "box", "grep", "CapEff", "/proc/self/status").out());
        assertNotEquals("CapEff:\t00000000a80425fb\n",
                ok("exec", "--privileged", "box", "grep", "CapEff", "/proc/self/status").out(), "every capability");
    }

    /** The engine remembers resolved users, but an edit of the container's passwd (same size, same inode) counts. */
    @Test
    void anEditOfTheContainersPasswdIsSeenByTheNextExec() throws Exception {
        ok("exec", "box", "sh", "-c", "echo carol:x:4321:4321::/home/carol:/bin/sh >> /etc/passwd");
        assertEquals("4321:4321\n", ok("exec", "-u", "carol", "box", "sh", "-c", "echo $(id -u):$(id -g)").out());
        assertEquals("4321:4321\n", ok("exec", "-u", "carol", "box", "sh", "-c", "echo $(id -u):$(id -g)").out());
        ok("exec", "box", "sh", "-c", "sed s/4321:4321/4322:4322/ /etc/passwd > /tmp/passwd && cat /tmp/passwd > /etc/passwd");
        assertEquals("4322:4322\n", ok("exec", "-u", "carol", "box", "sh", "-c", "echo $(id -u):$(id -g)").out());
        ok("exec", "box", "sh", "-c", "grep -v ^carol: /etc/passwd > /tmp/passwd && cat /tmp/passwd > /etc/passwd");
        Result gone = launcher.launcher("exec", "-u", "carol", "box", "id");
        assertNotEquals(0, gone.exitCode());
        assertTrue(gone.err().contains("unable to find user carol"), gone.err());
    }

    @Test
    void exitCodesAreDockers() throws Exception {
        assertEquals(3, launcher.launcher("exec", "box", "sh", "-c", "exit 3").exitCode());
        assertEquals(127, launcher.launcher("exec", "box", "no-such-command").exitCode());
        assertEquals(126, launcher.launcher("exec", "box", "/etc/hostname").exitCode());
        assertEquals(137, launcher.launcher("exec", "box", "sh", "-c", "kill -9 $$").exitCode());
    }

    @Test
    void noDescriptorOfTheEngineLeaksIntoAnExec() throws Exception {
        Set<String> open = Set.copyOf(ok("exec", "box", "ls", "/proc/self/fd").out().lines().toList());
        assertTrue(Set.of("0", "1", "2", "3").containsAll(open), "only stdio (and ls's own folder): " + open);
    }

    @Test
    void theExecsRelayDescendsFromTheSpawnerNotTheEngine() throws Exception {
        ok("exec", "-d", "box", "sleep", "30");
        ProcessHandle relay = relayUnder(launcher.root()).orElseThrow(() -> new AssertionError("no exec relay under " + launcher.root()));
        ProcessHandle spawner = relay.parent().orElseThrow();
        assertTrue(commandLine(spawner).contains("launcher-shim serve"), "the engine launched the exec itself: "
                + commandLine(spawner));
    }

    @Test
    void aContainerAdoptedAfterAnEngineCrashTakesExecs() throws Exception {
        ok("run", "-d", "--name", "adopted", "--network", "none", "base", "sleep", "600");
        launcher.killDaemon();
        launcher.startDaemon();
        assertEquals("still here\n", ok("exec", "adopted", "echo", "still here").out());
        assertEquals("typed\n", piped("typed\n", "adopted", "cat"));
        assertEquals(5, launcher.launcher("exec", "adopted", "sh", "-c", "exit 5").exitCode());
        ok("rm", "-f", "adopted");
    }

    /** A process titled "launcher-shim exec" whose bundle lies under root. */
    private static Optional<ProcessHandle> relayUnder(Path root) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            Optional<ProcessHandle> found = ProcessHandle.allProcesses()
                    .filter(p -> commandLine(p).startsWith("launcher-shim exec " + root)).findFirst();
            if (found.isPresent()) {
                return found;
            }
            Thread.sleep(25);
        }
        return Optional.empty();
    }

    private static String commandLine(ProcessHandle process) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc", Long.toString(process.pid()), "cmdline")),
                    StandardCharsets.UTF_8).replace('\0', ' ');
        } catch (IOException e) {
            return "";
        }
    }
}
