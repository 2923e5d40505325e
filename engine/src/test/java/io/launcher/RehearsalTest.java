package io.launcher;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The start-up rehearsal makes real round trips (or the archive it feeds would miss the client). */
class RehearsalTest {
    @Test
    void everyCommandReachesTheRehearsalEngine() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Rehearsal.run(Path.of("."), new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        String printed = out.toString(StandardCharsets.UTF_8);
        String complaints = err.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains("CONTAINER ID   IMAGE"), printed);
        assertTrue(printed.contains("REPOSITORY   TAG"), printed);
        assertTrue(printed.contains("rehearsal\n"), printed);
        assertTrue(printed.contains("\"Id\": \"" + "4e".repeat(32)), printed);
        assertTrue(printed.contains("Storage Driver: overlay"), printed);
        assertTrue(printed.contains("sha256:" + "b5".repeat(32)), printed);
        assertTrue(!complaints.contains("Error response from daemon"), complaints);
    }
}
