package io.launcher.backend.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The monitor's json-file writer (logfile.c) through the log-rotation-probe built from src/test/c:
 * what rotation leaves on disk, and that it never moves a log that is not a plain file.
 */
class LogRotationTest {
    @TempDir
    Path dir;

    @Test
    void aFullLogMovesToDotOneAndTheOldestIsDropped() throws Exception {
        Path log = dir.resolve("c-json.log");
        assertEquals(0, probe(log, 400, 3, 100));
        assertTrue(Files.size(log) <= 400, "the live file stays within max-size");
        assertTrue(Files.exists(dir.resolve("c-json.log.1")));
        assertTrue(Files.exists(dir.resolve("c-json.log.2")));
        assertFalse(Files.exists(dir.resolve("c-json.log.3")), "max-file counts the live file");
        assertTrue(Files.readString(log).contains("line 99"), "the newest line is in the live file");
    }

    /** A spec naming a device as its log once renamed the host's /dev/null away: never again. */
    @Test
    @Tag("privileged")
    void aLogThatIsADeviceIsWrittenButNeverRotated() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "mknod needs root");
        Path device = dir.resolve("null");
        Process mknod = new ProcessBuilder("mknod", "-m", "666", device.toString(), "c", "1", "3").inheritIO().start();
        assertTrue(mknod.waitFor(10, TimeUnit.SECONDS) && mknod.exitValue() == 0, "mknod");

        assertEquals(0, probe(device, 400, 3, 100));
        String type = new String(new ProcessBuilder("stat", "-c", "%F", device.toString()).start().getInputStream()
                .readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals("character special file", type);
        assertFalse(Files.exists(dir.resolve("null.1")), "nothing was renamed");
    }

    private static int probe(Path log, long maxBytes, int maxFiles, int lines) throws Exception {
        Path classes = Path.of(LogRotationTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path probe = classes.resolve("log-rotation-probe");
        assertTrue(Files.isExecutable(probe), "the build compiles " + probe);
        Process process = new ProcessBuilder(probe.toString(), log.toString(), Long.toString(maxBytes),
                Integer.toString(maxFiles), Integer.toString(lines)).inheritIO().start();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        return process.exitValue();
    }
}
