package io.launcher.engine;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.launcher.api.LogEntry;
import io.launcher.api.StdStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;

/**
 * Decodes one line of a json-file log. The monitor (and Docker) write every line in one shape,
 * {@code {"log":"...","stream":"stdout","time":"...Z"}}: that shape is decoded by hand, straight
 * from the file's bytes to the entry's, which is what reading millions of lines back takes (a
 * parser and an {@link Instant#parse} a line cost several times more than the copy). Any other
 * valid line (other key order, extra keys) goes through Jackson; a line neither reads is skipped.
 */
final class JsonFileLine {
    private static final JsonFactory JSON = new JsonFactory();
    private static final byte[] LOG = "{\"log\":\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] STREAM = ",\"stream\":\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TIME = ",\"time\":\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] STDOUT = "stdout\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] STDERR = "stderr\"".getBytes(StandardCharsets.US_ASCII);

    private final RfcTime times = new RfcTime();
    private byte[] scratch = new byte[256];

    /** The entry of the line {@code bytes[offset, offset + length)}, or null when it is not one. */
    LogEntry decode(byte[] bytes, int offset, int length) {
        LogEntry entry = decodeCanonical(bytes, offset, offset + length);
        return entry != null ? entry : decodeAny(bytes, offset, length);
    }

    private LogEntry decodeCanonical(byte[] b, int start, int end) {
        if (!startsWith(b, start, end, LOG)) {
            return null;
        }
        int out = 0;
        int i = start + LOG.length;
        while (i < end && b[i] != '"') {
            if (scratch.length - out < 4) {
                scratch = Arrays.copyOf(scratch, scratch.length * 2);
            }
            byte c = b[i++];
            if (c != '\\') {
                scratch[out++] = c;
                continue;
            }
            if (i >= end) {
                return null;
            }
            byte e = b[i++];
            switch (e) {
                case 'n' -> scratch[out++] = '\n';
                case 't' -> scratch[out++] = '\t';
                case 'r' -> scratch[out++] = '\r';
                case '"', '\\', '/' -> scratch[out++] = e;
                case 'b' -> scratch[out++] = '\b';
                case 'f' -> scratch[out++] = '\f';
                default -> {
                    // \\uXXXX, possibly a surrogate pair: the rare path, left to Jackson
                    return null;
                }
            }
        }
        if (i >= end) {
            return null;
        }
        byte[] data = Arrays.copyOf(scratch, out);
        i++;
        if (!startsWith(b, i, end, STREAM)) {
            return null;
        }
        i += STREAM.length;
        StdStream stream;
        if (startsWith(b, i, end, STDOUT)) {
            stream = StdStream.STDOUT;
        } else if (startsWith(b, i, end, STDERR)) {
            stream = StdStream.STDERR;
        } else {
            return null;
        }
        i += 7;
        if (!startsWith(b, i, end, TIME)) {
            return null;
        }
        i += TIME.length;
        int close = i;
        while (close < end && b[close] != '"') {
            close++;
        }
        if (close + 2 != end || b[close + 1] != '}') {
            return null;
        }
        Instant time = times.parse(b, i, close);
        return time == null ? null : new LogEntry(stream, time, data);
    }

    private static boolean startsWith(byte[] b, int at, int end, byte[] prefix) {
        if (end - at < prefix.length) {
            return false;
        }
        for (int k = 0; k < prefix.length; k++) {
            if (b[at + k] != prefix[k]) {
                return false;
            }
        }
        return true;
    }

    private static LogEntry decodeAny(byte[] bytes, int offset, int length) {
        byte[] log = null;
        StdStream stream = StdStream.STDOUT;
        Instant time = Instant.EPOCH;
        try (JsonParser parser = JSON.createParser(bytes, offset, length)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                parser.nextToken();
                switch (field) {
                    case "log" -> log = parser.getText().getBytes(StandardCharsets.UTF_8);
                    case "stream" -> stream = "stderr".equals(parser.getText()) ? StdStream.STDERR : StdStream.STDOUT;
                    case "time" -> time = Instant.parse(parser.getText());
                    default -> parser.skipChildren();
                }
            }
        } catch (IOException | DateTimeParseException e) {
            return null;
        }
        return log == null ? null : new LogEntry(stream, time, log);
    }
}
