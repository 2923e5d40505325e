package io.launcher.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.launcher.api.LogEntry;
import io.launcher.api.StdStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class JsonFileLineTest {
    private final JsonFileLine decoder = new JsonFileLine();

    private LogEntry decode(String line) {
        byte[] bytes = ("garbage" + line + "\n").getBytes(StandardCharsets.UTF_8);
        return decoder.decode(bytes, 7, bytes.length - 8);
    }

    @Test
    void theMonitorsShapeIsDecodedWithItsEscapes() {
        LogEntry entry = decode("{\"log\":\"a \\\"q\\\" \\\\ \\t\\r\\n\",\"stream\":\"stderr\",\"time\":\"2026-11-28T11:22:33.123456789Z\"}");
        assertEquals(StdStream.STDERR, entry.stream());
        assertEquals(Instant.parse("2026-11-28T11:22:33.123456789Z"), entry.time());
        assertArrayEquals("a \"q\" \\ \t\r\n".getBytes(StandardCharsets.UTF_8), entry.data());
    }

    @Test
    void utf8AndUnicodeEscapesComeOutAsUtf8() {
        assertArrayEquals("héllo \u2603\n".getBytes(StandardCharsets.UTF_8),
                decode("{\"log\":\"héllo \u2603\\n\",\"stream\":\"stdout\",\"time\":\"2026-11-28T11:22:33Z\"}").data());
        assertArrayEquals("\u0001\ufffd\uD83D\uDE00".getBytes(StandardCharsets.UTF_8),
                decode("{\"log\":\"\\u0001\\ufffd\\ud83d\\ude00\",\"stream\":\"stdout\",\"time\":\"2026-11-28T11:22:33.5Z\"}").data());
    }

    @Test
    void timesOfAnyPrecisionAndOffsetAreRead() {
        String shape = "{\"log\":\"x\",\"stream\":\"stdout\",\"time\":\"%s\"}";
        assertEquals(Instant.parse("2026-11-28T11:22:33.500Z"), decode(shape.formatted("2026-11-28T11:22:33.5Z")).time());
        assertEquals(Instant.parse("2026-11-28T11:22:34.000000001Z"),
                decode(shape.formatted("2026-11-28T11:22:34.000000001Z")).time());
        assertEquals(Instant.parse("2026-11-28T10:22:33Z"), decode(shape.formatted("2026-11-28T11:22:33+01:00")).time());
    }

    @Test
    void anotherKeyOrderIsReadAndGarbageIsSkipped() {
        LogEntry entry = decode("{\"stream\":\"stdout\",\"time\":\"2026-11-28T11:22:33Z\",\"log\":\"hi\\n\",\"attrs\":{}}");
        assertArrayEquals("hi\n".getBytes(StandardCharsets.UTF_8), entry.data());
        assertEquals(StdStream.STDOUT, entry.stream());
        assertNull(decode("{\"log\":\"cut"));
        assertNull(decode("not json"));
        assertNull(decode("{\"log\":\"x\",\"stream\":\"stdout\",\"time\":\"yesterday\"}"));
    }
}
