package io.launcher.daemon;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.launcher.api.LogEntry;
import io.launcher.api.StdStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LogFramesTest {
    private static LogEntry entry(StdStream stream, String text) {
        return new LogEntry(stream, Instant.parse("2026-11-28T11:22:33.000000001Z"), text.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] frame(int stream, String text) {
        byte[] data = text.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(LogFrames.header(stream, data.length));
        out.writeBytes(data);
        return out.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    @Test
    void linesOfOneStreamShareAFrameUntilTheStreamChangesOrAFlush() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        LogFrames frames = new LogFrames(out, true, false);
        frames.write(entry(StdStream.STDOUT, "a\n"));
        frames.write(entry(StdStream.STDOUT, "b\n"));
        frames.write(entry(StdStream.STDERR, "c\n"));
        frames.write(entry(StdStream.STDOUT, "d\n"));
        assertEquals(0, out.size(), "nothing leaves before a flush");
        frames.flush();
        frames.write(entry(StdStream.STDOUT, "e\n"));
        frames.flush();
        assertArrayEquals(concat(frame(1, "a\nb\n"), frame(2, "c\n"), frame(1, "d\n"), frame(1, "e\n")), out.toByteArray());
    }

    @Test
    void timestampsKeepAFramePerLineAndBigEntriesPassWhole() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        LogFrames frames = new LogFrames(out, true, true);
        frames.write(entry(StdStream.STDOUT, "a\n"));
        frames.write(entry(StdStream.STDOUT, "b\n"));
        frames.flush();
        String stamp = "2026-11-28T11:22:33.000000001Z ";
        assertArrayEquals(concat(frame(1, stamp + "a\n"), frame(1, stamp + "b\n")), out.toByteArray());
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        LogFrames tty = new LogFrames(raw, false, false);
        String big = "x".repeat(200_000);
        tty.write(entry(StdStream.STDOUT, "small"));
        tty.write(entry(StdStream.STDOUT, big));
        tty.flush();
        assertEquals("small" + big, raw.toString(StandardCharsets.UTF_8));
    }
}
