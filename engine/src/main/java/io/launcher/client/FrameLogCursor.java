package io.launcher.client;

import io.launcher.api.LogCursor;
import io.launcher.api.LogEntry;
import io.launcher.api.StdStream;
import io.launcher.daemon.DockerTime;
import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.ClosedByInterruptException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

/**
 * Reads Docker's multiplexed stream: {@code [stream, 0, 0, 0, length BE32]} then the payload.
 * With timestamps asked for, each payload starts with its RFC 3339 time and a space.
 */
final class FrameLogCursor implements LogCursor {
    private static final int MAX_FRAME = 64 * 1024 * 1024;

    private final Closeable connection;
    private final InputStream in;
    private final boolean timestamps;
    private final byte[] header = new byte[8];

    FrameLogCursor(Closeable connection, InputStream in, boolean timestamps) {
        this.connection = connection;
        this.in = new BufferedInputStream(in, 1 << 16);
        this.timestamps = timestamps;
    }

    @Override
    public Optional<LogEntry> next() throws IOException, InterruptedException {
        try {
            int got = in.readNBytes(header, 0, 8);
            if (got == 0) {
                return Optional.empty();
            }
            if (got < 8) {
                throw new IOException("stream ended inside a frame header");
            }
            int length = ((header[4] & 0xff) << 24) | ((header[5] & 0xff) << 16) | ((header[6] & 0xff) << 8) | (header[7] & 0xff);
            if (length < 0 || length > MAX_FRAME) {
                throw new IOException("frame of " + Integer.toUnsignedString(length) + " bytes is too large");
            }
            byte[] payload = new byte[length];
            if (in.readNBytes(payload, 0, length) < length) {
                throw new IOException("stream ended inside a frame");
            }
            return Optional.of(entry(stream(header[0]), payload));
        } catch (ClosedByInterruptException e) {
            throw new InterruptedException("interrupted while reading the container's output");
        }
    }

    private static StdStream stream(byte type) {
        return switch (type) {
            case 0 -> StdStream.STDIN;
            case 1 -> StdStream.STDOUT;
            // 2 is stderr; Docker sends 3 for its own errors on the stream, shown on stderr too.
            default -> StdStream.STDERR;
        };
    }

    private LogEntry entry(StdStream stream, byte[] payload) {
        if (timestamps) {
            int space = indexOf(payload, (byte) ' ');
            if (space > 0) {
                Instant time = DockerTime.parse(new String(payload, 0, space, StandardCharsets.US_ASCII));
                byte[] data = new byte[payload.length - space - 1];
                System.arraycopy(payload, space + 1, data, 0, data.length);
                return new LogEntry(stream, time, data);
            }
        }
        return new LogEntry(stream, Instant.now(), payload);
    }

    private static int indexOf(byte[] bytes, byte b) {
        for (int i = 0; i < Math.min(bytes.length, 64); i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }

    /** Bytes already received mean the next entry is (all but) here: the sender flushes whole frames. */
    @Override
    public boolean ready() throws IOException {
        return in.available() > 0;
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (IOException e) {
            // the stream is abandoned either way
        }
    }
}
