package io.launcher.engine;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.launcher.api.LogCursor;
import io.launcher.api.LogEntry;
import io.launcher.api.StdStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Reads a Docker json-file log ({@code {"log":..,"stream":..,"time":..}} a line) from an offset,
 * optionally following it until {@code ended} says the writer is done. Only whole lines are
 * parsed, so a line being written is picked up on the next read.
 */
final class JsonFileLogCursor implements LogCursor {
    private static final JsonFactory JSON = new JsonFactory();
    private static final long POLL_MILLIS = 5;

    private final FileChannel channel;
    private final boolean stdout;
    private final boolean stderr;
    private final Instant since;
    private final BooleanSupplier ended;
    private final ByteBuffer buffer = ByteBuffer.allocate(1 << 16);
    private byte[] pending = new byte[0];
    private int pendingStart;
    private int pendingEnd;
    private long position;

    JsonFileLogCursor(Path file, long offset, boolean stdout, boolean stderr, Instant since, BooleanSupplier ended)
            throws IOException {
        if (!Files.exists(file)) {
            Files.createDirectories(file.getParent());
            Files.createFile(file);
        }
        this.channel = FileChannel.open(file, StandardOpenOption.READ);
        this.position = offset;
        this.stdout = stdout;
        this.stderr = stderr;
        this.since = since;
        this.ended = ended;
    }

    /** The offset where the last {@code lines} lines of the file begin. */
    static long tailOffset(Path file, int lines) throws IOException {
        if (lines < 0 || !Files.exists(file)) {
            return 0;
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long end = ch.size();
            int newlines = 0;
            ByteBuffer chunk = ByteBuffer.allocate(1 << 16);
            long cursor = end;
            while (cursor > 0) {
                int length = (int) Math.min(chunk.capacity(), cursor);
                cursor -= length;
                chunk.clear().limit(length);
                ch.read(chunk, cursor);
                for (int i = length - 1; i >= 0; i--) {
                    if (chunk.get(i) == '\n' && cursor + i != end - 1 && ++newlines == lines) {
                        return cursor + i + 1;
                    }
                }
            }
            return lines == 0 ? end : 0;
        }
    }

    @Override
    public Optional<LogEntry> next() throws IOException, InterruptedException {
        while (true) {
            Optional<LogEntry> entry = nextBufferedLine();
            if (entry == null) {
                continue;
            }
            if (entry.isPresent()) {
                return entry;
            }
            boolean done = ended.getAsBoolean();
            if (fill() > 0) {
                continue;
            }
            if (done) {
                return Optional.empty();
            }
            Thread.sleep(POLL_MILLIS);
        }
    }

    /** An entry, empty when no whole line is buffered, or null for a line the filters dropped. */
    private Optional<LogEntry> nextBufferedLine() throws IOException {
        for (int i = pendingStart; i < pendingEnd; i++) {
            if (pending[i] == '\n') {
                int start = pendingStart;
                pendingStart = i + 1;
                LogEntry entry = parse(pending, start, i - start);
                return entry == null ? null : Optional.of(entry);
            }
        }
        return Optional.empty();
    }

    private int fill() throws IOException {
        buffer.clear();
        int n = channel.read(buffer, position);
        if (n <= 0) {
            return 0;
        }
        position += n;
        int remaining = pendingEnd - pendingStart;
        if (pending.length < remaining + n) {
            pending = Arrays.copyOfRange(pending, pendingStart, pendingStart + Math.max(remaining + n, pending.length * 2));
        } else {
            System.arraycopy(pending, pendingStart, pending, 0, remaining);
        }
        pendingStart = 0;
        pendingEnd = remaining;
        System.arraycopy(buffer.array(), 0, pending, pendingEnd, n);
        pendingEnd += n;
        return n;
    }

    private LogEntry parse(byte[] bytes, int offset, int length) throws IOException {
        String log = null;
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
                    case "log" -> log = parser.getText();
                    case "stream" -> stream = "stderr".equals(parser.getText()) ? StdStream.STDERR : StdStream.STDOUT;
                    case "time" -> time = Instant.parse(parser.getText());
                    default -> parser.skipChildren();
                }
            }
        } catch (RuntimeException e) {
            return null;
        }
        if (log == null || (stream == StdStream.STDOUT ? !stdout : !stderr) || time.isBefore(since)) {
            return null;
        }
        return new LogEntry(stream, time, log.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing was written through this channel
        }
    }
}
