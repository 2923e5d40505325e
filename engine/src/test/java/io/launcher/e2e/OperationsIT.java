package io.launcher.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** top, pause/unpause, system df/prune and bash completion through the distribution, and the docker CLI. */
@Tag("privileged")
class OperationsIT {
    private static final String TICKER = "i=0; while true; do i=$((i+1)); echo tick$i; sleep 0.05; done";
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

    private static void ok(Distribution.Result result) {
        assertEquals(0, result.exitCode(), result.out() + result.err());
    }

    @Test
    void topListsOnlyTheContainersProcesses() throws Exception {
        ok(launcher.launcher("run", "-d", "--name", "top1", "--network", "none", "base", "sh", "-c", "sleep 301 & sleep 302"));
        Distribution.Result top = launcher.launcher("top", "top1");
        ok(top);
        List<String> lines = top.out().lines().toList();
        assertEquals(List.of("UID", "PID", "PPID", "C", "STIME", "TTY", "TIME", "CMD"), List.of(lines.get(0).split("\\s+")));
        assertTrue(top.out().contains("sleep 301") && top.out().contains("sleep 302"), top.out());
        assertFalse(top.out().contains("java"), "a host process leaked in: " + top.out());
        Distribution.Result columns = launcher.launcher("top", "top1", "-o", "pid,comm");
        ok(columns);
        assertTrue(columns.out().startsWith("PID                 COMMAND\n"), columns.out());
        assertEquals(1, launcher.launcher("top", "nosuch").exitCode());
        if (Distribution.dockerCli().isPresent()) {
            Distribution.Result docker = launcher.docker("top", "top1", "-o", "pid,args");
            ok(docker);
            assertTrue(docker.out().startsWith("PID") && docker.out().contains("sleep 302"), docker.out());
        }
        String until = Long.toString(System.currentTimeMillis() / 1000 + 1);
        Distribution.Result events = launcher.launcher("events", "--since", "0", "--until", until,
                "--filter", "container=top1", "--filter", "event=top", "--format", "{{.Action}}");
        assertTrue(events.out().lines().anyMatch("top"::equals), "a top event, as dockerd sends: " + events.out());
        ok(launcher.launcher("rm", "-f", "top1"));
    }

    @Test
    void pauseFreezesTheContainerAndStopStillEndsIt() throws Exception {
        ok(launcher.launcher("run", "-d", "--name", "pz1", "--network", "none", "base", "sh", "-c", TICKER));
        awaitTicks("pz1", 3);
        ok(launcher.launcher("pause", "pz1"));
        assertEquals("paused true", launcher.launcher("inspect", "-f", "{{.State.Status}} {{.State.Paused}}", "pz1").outLine());
        assertTrue(launcher.launcher("ps", "--filter", "name=pz1", "--format", "{{.Status}}").outLine().endsWith("(Paused)"));
        long frozen = ticks("pz1");
        Thread.sleep(400);
        assertEquals(frozen, ticks("pz1"), "the paused container kept running");
        assertEquals(1, launcher.launcher("pause", "pz1").exitCode());
        ok(launcher.launcher("unpause", "pz1"));
        awaitTicks("pz1", frozen + 3);
        ok(launcher.launcher("pause", "pz1"));
        long began = System.nanoTime();
        ok(launcher.launcher("stop", "-t", "20", "pz1"));
        assertTrue(System.nanoTime() - began < TimeUnit.SECONDS.toNanos(10), "stop waited for its timeout");
        assertEquals("exited 143", launcher.launcher("inspect", "-f", "{{.State.Status}} {{.State.ExitCode}}", "pz1").outLine());
        ok(launcher.launcher("rm", "pz1"));
    }

    @Test
    void theDockerCliPausesAndUnpauses() throws Exception {
        assumeTrue(Distribution.dockerCli().isPresent(), "no docker CLI installed");
        ok(launcher.docker("run", "-d", "--name", "pz2", "--network", "none", "base", "sleep", "300"));
        ok(launcher.docker("pause", "pz2"));
        assertEquals("paused true", launcher.docker("inspect", "-f", "{{.State.Status}} {{.State.Paused}}", "pz2").outLine());
        ok(launcher.docker("unpause", "pz2"));
        assertEquals("running", launcher.docker("inspect", "-f", "{{.State.Status}}", "pz2").outLine());
        ok(launcher.docker("pause", "pz2"));
        ok(launcher.docker("rm", "-f", "pz2"));
    }

    @Test
    void systemDfMeasuresTheWritableLayerAndMatchesTheDockerCli() throws Exception {
        ok(launcher.launcher("run", "--name", "df1", "--network", "none", "base", "dd", "if=/dev/zero", "of=/fill",
                "bs=1000", "count=300"));
        Distribution.Result df = launcher.launcher("system", "df");
        ok(df);
        List<String> lines = df.out().lines().toList();
        assertEquals(List.of("TYPE", "TOTAL", "ACTIVE", "SIZE", "RECLAIMABLE"), List.of(lines.get(0).split("\\s+")));
        assertTrue(lines.get(1).startsWith("Images "), df.out());
        assertTrue(lines.get(3).matches("Local Volumes\\s+0\\s+0\\s+0B\\s+0B"), df.out());
        assertTrue(lines.get(4).matches("Build Cache\\s+0\\s+0\\s+0B\\s+0B"), df.out());
        Distribution.Result verbose = launcher.launcher("system", "df", "-v");
        ok(verbose);
        assertTrue(verbose.out().lines().anyMatch(l -> l.endsWith(" df1") && l.contains(" 30") && l.contains("kB ")),
                verbose.out());
        if (Distribution.dockerCli().isPresent()) {
            Distribution.Result docker = launcher.docker("system", "df");
            ok(docker);
            assertEquals(launcher.launcher("system", "df").out(), docker.out());
        }
        ok(launcher.launcher("rm", "df1"));
    }

    @Test
    void systemPruneRemovesStoppedContainersAndKeepsTheRest() throws Exception {
        ok(launcher.launcher("create", "--name", "sp1", "--network", "none", "base", "true"));
        ok(launcher.launcher("run", "-d", "--name", "sp2", "--network", "none", "base", "sleep", "300"));
        assertEquals(1, launcher.launcher("system", "prune").exitCode(), "no terminal to confirm on");
        Distribution.Result pruned = launcher.launcher("system", "prune", "-f");
        ok(pruned);
        assertTrue(pruned.out().startsWith("Deleted Containers:\n"), pruned.out());
        String names = launcher.launcher("ps", "-a", "--format", "{{.Names}}").out();
        assertTrue(names.contains("sp2") && !names.contains("sp1"), names);
        assertTrue(launcher.launcher("images", "--format", "{{.Repository}}").out().contains("base"));
        if (Distribution.dockerCli().isPresent()) {
            ok(launcher.launcher("create", "--name", "sp3", "--network", "none", "base", "true"));
            Distribution.Result docker = launcher.docker("system", "prune", "-f");
            ok(docker);
            assertTrue(docker.out().contains("Total reclaimed space"), docker.out());
            assertFalse(launcher.launcher("ps", "-a", "--format", "{{.Names}}").out().contains("sp3"));
        }
        ok(launcher.launcher("rm", "-f", "sp2"));
    }

    @Test
    void bashCompletesCommandsAndContainerNamesFromTheEngine() throws Exception {
        ok(launcher.launcher("create", "--name", "completeme", "--network", "none", "base", "true"));
        Distribution.Result script = launcher.launcher("completion", "bash");
        ok(script);
        Path file = Files.writeString(launcher.root().resolve("launcher.bash"), script.out());
        String probe = String.join("\n", "source " + file, "complete -p launcher",
                "COMP_WORDS=(launcher unpa); COMP_CWORD=1; _launcher; echo \"${COMPREPLY[*]}\"",
                "COMP_WORDS=(launcher rm complete); COMP_CWORD=2; _launcher; echo \"${COMPREPLY[*]}\"",
                "COMP_WORDS=(launcher run --network none ba); COMP_CWORD=4; _launcher; echo \"${COMPREPLY[*]}\"", "");
        ProcessBuilder bash = new ProcessBuilder("bash", "--norc", "--noprofile", "-c", probe).redirectErrorStream(true);
        bash.environment().put("PATH", launcher.home().resolve("bin") + ":" + System.getenv("PATH"));
        bash.environment().put("LAUNCHER_ROOT", launcher.root().toString());
        bash.environment().put("LAUNCHER_HOST", "unix://" + launcher.socket());
        Process process = bash.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(List.of("complete -F _launcher launcher", "unpause", "completeme", "base:latest"), out.lines().toList(), out);
        ok(launcher.launcher("rm", "completeme"));
    }

    private static long ticks(String container) throws Exception {
        return launcher.launcher("logs", container).out().lines().filter(l -> l.startsWith("tick")).count();
    }

    private static void awaitTicks(String container, long count) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (ticks(container) < count) {
            assertTrue(System.nanoTime() < deadline, "the container did not print " + count + " ticks");
            Thread.sleep(50);
        }
    }
}
