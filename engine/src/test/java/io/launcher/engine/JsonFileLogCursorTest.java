package io.launcher.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.launcher.api.LogCursor;
import io.launcher.api.LogEntry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine's reader over a rotated json-file log, with the files written as the monitor writes them. */
class JsonFileLogCursorTest {
    @TempDir
    Path dir;

    private Path live() {
        return dir.resolve("c-json.log");
    }

    private static String record(int n) {
        return "{\"log\":\"" + n + "\\n\",\"stream\":\"" + (n % 2 == 0 ? "stdout" : "stderr")
                + "\",\"time\":\"2026-11-28T11:22:33.000000001Z\"}\n";
    }

    private void append(Path file, int from, int to) throws IOException {
        StringBuilder text = new StringBuilder();
        for (int n = from; n <= to; n++) {
            text.append(record(n));
        }
        Files.writeString(file, text, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /** As the monitor: .1 becomes .2, the live file .1, and a new live file starts. */
    private void rotate(int maxFiles) throws IOException {
        for (int generation = maxFiles - 1; generation >= 1; generation--) {
            Path from = generation == 1 ? live() : dir.resolve("c-json.log." + (generation - 1));
            if (Files.exists(from)) {
                Files.move(from, dir.resolve("c-json.log." + generation), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Files.createFile(live());
    }

    private static List<Integer> drain(LogCursor cursor) throws Exception {
        List<Integer> numbers = new ArrayList<>();
        try (cursor) {
            for (Optional<LogEntry> e = cursor.next(); e.isPresent(); e = cursor.next()) {
                numbers.add(Integer.parseInt(new String(e.get().data(), StandardCharsets.UTF_8).trim()));
            }
        }
        return numbers;
    }

    private static List<Integer> range(int from, int to) {
        List<Integer> numbers = new ArrayList<>();
        for (int n = from; n <= to; n++) {
            numbers.add(n);
        }
        return numbers;
    }

    private LogCursor cursor(int tail, boolean stdout, boolean stderr) throws IOException {
        LogFileSet files = new LogFileSet(live());
        return new JsonFileLogCursor(files, files.open(tail), stdout, stderr, Instant.EPOCH, () -> true);
    }

    @Test
    void rotatedFilesAreReadOldestFirst() throws Exception {
        append(live(), 1, 10);
        rotate(3);
        append(live(), 11, 20);
        rotate(3);
        append(live(), 21, 25);
        Files.writeString(dir.resolve("c-json.log.x"), record(99));
        assertEquals(List.of("c-json.log.2", "c-json.log.1", "c-json.log"),
                new LogFileSet(live()).files().stream().map(p -> p.getFileName().toString()).toList());
        assertEquals(range(1, 25), drain(cursor(-1, true, true)));
        assertEquals(range(1, 25).stream().filter(n -> n % 2 == 1).toList(), drain(cursor(-1, false, true)));
    }

    @Test
    void theTailReachesBackAcrossFiles() throws Exception {
        append(live(), 1, 10);
        rotate(3);
        append(live(), 11, 20);
        rotate(3);
        append(live(), 21, 23);
        assertEquals(range(19, 23), drain(cursor(5, true, true)));
        assertEquals(range(14, 23), drain(cursor(10, true, true)));
        assertEquals(range(1, 23), drain(cursor(500, true, true)));
        assertEquals(List.of(23), drain(cursor(1, true, true)));
        assertEquals(List.of(), drain(cursor(0, true, true)));
    }

    @Test
    void aLogCaughtBetweenTheRenameAndTheNewFileReadsTheRotatedOnes() throws Exception {
        append(live(), 1, 4);
        rotate(3);
        Files.delete(live());
        assertEquals(range(1, 4), drain(cursor(-1, true, true)));
        assertEquals(range(3, 4), drain(cursor(2, true, true)));
    }

    @Test
    void aMissingLogReadsEmpty() throws Exception {
        assertEquals(List.of(), drain(cursor(-1, true, true)));
        assertEquals(List.of(), drain(cursor(3, true, true)));
    }

    @Test
    void followingGoesOnAcrossRotations() throws Exception {
        append(live(), 1, 5);
        AtomicBoolean done = new AtomicBoolean();
        LogFileSet files = new LogFileSet(live());
        LogCursor cursor = new JsonFileLogCursor(files, files.open(-1), true, true, Instant.EPOCH, done::get);
        CompletableFuture<List<Integer>> read = CompletableFuture.supplyAsync(() -> {
            try {
                return drain(cursor);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        int next = 6;
        for (int round = 0; round < 6; round++) {
            Thread.sleep(20);
            append(live(), next, next + 9);
            next += 10;
            rotate(2);
        }
        append(live(), next, next + 2);
        Thread.sleep(50);
        done.set(true);
        assertEquals(range(1, next + 2), read.get(10, TimeUnit.SECONDS));
        assertFalse(Files.exists(dir.resolve("c-json.log.2")));
    }

    @Test
    void aFileTruncatedInPlaceIsReadFromItsStart() throws Exception {
        append(live(), 1, 3);
        AtomicBoolean done = new AtomicBoolean();
        LogFileSet files = new LogFileSet(live());
        LogCursor cursor = new JsonFileLogCursor(files, files.open(-1), true, true, Instant.EPOCH, done::get);
        assertTrue(cursor.ready());
        assertEquals(1, Integer.parseInt(new String(cursor.next().orElseThrow().data(), StandardCharsets.UTF_8).trim()));
        cursor.next();
        cursor.next();
        assertFalse(cursor.ready(), "nothing more is on disk");
        Files.write(live(), new byte[0]);
        append(live(), 4, 4);
        done.set(true);
        assertEquals(List.of(4), drain(cursor));
    }
}
