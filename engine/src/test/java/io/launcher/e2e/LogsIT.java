package io.launcher.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.launcher.e2e.Distribution.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Issue 6's logs through the real CLI: bounded json-file logs (--log-opt), read back and followed across rotations. */
@Tag("privileged")
class LogsIT {
    private static final long MAX_SIZE = 2048;
    // each line is ~80 bytes of json: 25 a file, so 400 lines rotate the log about 16 times
    private static final String PRINT_400 = "sleep 1.5; i=0; while [ $i -lt 400 ]; do i=$((i+1)); echo line$i; usleep 3000; done";
    private static Distribution launcher;

    @BeforeAll
    static void start() throws Exception {
        launcher = Distribution.start().withBaseImage();
    }

    @AfterAll
    static void stop() throws Exception {
        if (launcher != null) {
            launcher.close();
        }
    }

    private static String runDetached(String name) throws Exception {
        Result run = launcher.launcher("run", "-d", "--name", name, "--network", "none",
                "--log-opt", "max-size=2k", "--log-opt", "max-file=3", "base", "sh", "-c", PRINT_400);
        assertEquals(0, run.exitCode(), run.err());
        return run.out().strip();
    }

    private static List<Path> logFiles(String id) throws Exception {
        try (Stream<Path> files = Files.list(launcher.root().resolve("containers").resolve(id))) {
            return files.filter(p -> p.getFileName().toString().startsWith(id + "-json.log")).sorted().toList();
        }
    }

    /** The numbers of lines "lineN", checked to be consecutive. */
    private static List<Integer> consecutive(String out) {
        List<Integer> numbers = out.lines().map(l -> Integer.parseInt(l.substring("line".length()))).toList();
        for (int i = 1; i < numbers.size(); i++) {
            assertEquals(numbers.get(i - 1) + 1, numbers.get(i), "lines out of order or lost: " + out);
        }
        return numbers;
    }

    @Test
    void theLogIsBoundedOnDiskAndReadsBackItsLastLinesInOrder() throws Exception {
        String id = runDetached("bounded");
        assertEquals("0", launcher.launcher("wait", id).out().strip());
        List<Path> files = logFiles(id);
        assertEquals(3, files.size(), files.toString());
        for (Path file : files) {
            assertTrue(Files.size(file) <= MAX_SIZE, file + ": " + Files.size(file) + " bytes");
        }
        Result logs = launcher.launcher("logs", "bounded");
        assertEquals(0, logs.exitCode(), logs.err());
        List<Integer> kept = consecutive(logs.out());
        assertEquals(400, kept.get(kept.size() - 1));
        assertTrue(kept.size() > 50 && kept.size() < 100, kept.size() + " lines kept");
        assertEquals("line397\nline398\nline399\nline400\n", launcher.launcher("logs", "--tail", "4", "bounded").out());
        Result inspect = launcher.launcher("inspect", "-f", "{{json .HostConfig.LogConfig}}", "bounded");
        assertTrue(inspect.out().contains("\"max-size\":\"2k\"") && inspect.out().contains("\"max-file\":\"3\""), inspect.out());
        launcher.launcher("rm", "bounded");
    }

    @Test
    void followingGoesOnAcrossRotations() throws Exception {
        runDetached("followed");
        Result follow = launcher.launcher("logs", "-f", "followed");
        assertEquals(0, follow.exitCode(), follow.err());
        List<Integer> seen = consecutive(follow.out());
        assertEquals(400, seen.get(seen.size() - 1));
        // more than three files ever held at once: the follower read on through rotations
        assertTrue(seen.size() > 200, seen.size() + " lines followed: " + follow.out());
        launcher.launcher("rm", "followed");
    }

    @Test
    void aBadLogOptionExits125WithOneLine() throws Exception {
        for (String option : List.of("max-size=abc", "max-file=0", "colour=blue")) {
            Result run = launcher.launcher("run", "--rm", "--network", "none", "--log-opt", option, "base", "true");
            assertEquals(125, run.exitCode(), option);
            assertEquals(1, run.err().strip().lines().count(), run.err());
            assertFalse(run.err().contains("Exception"), run.err());
        }
    }

    @Test
    void theDockerCliSetsTheSameOptions() throws Exception {
        assumeTrue(Distribution.dockerCli().isPresent(), "no docker CLI on this host");
        Result run = launcher.docker("run", "--name", "viadocker", "--network", "none", "--log-opt", "max-size=1k",
                "--log-opt", "max-file=2", "base", "seq", "100");
        assertEquals(0, run.exitCode(), run.err());
        Result inspect = launcher.docker("inspect", "-f", "{{json .HostConfig.LogConfig}}", "viadocker");
        assertTrue(inspect.out().contains("\"max-size\":\"1k\""), inspect.out());
        String id = launcher.launcher("inspect", "-f", "{{.Id}}", "viadocker").out().strip();
        assertEquals(2, logFiles(id).size());
        Result logs = launcher.docker("logs", "--tail", "2", "viadocker");
        assertEquals("99\n100\n", logs.out());
        Result bad = launcher.docker("run", "--rm", "--network", "none", "--log-opt", "max-size=abc", "base", "true");
        assertEquals(125, bad.exitCode());
        assertTrue(bad.err().contains("max-size"), bad.err());
        launcher.launcher("rm", "viadocker");
    }
}
