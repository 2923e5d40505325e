package io.launcher.daemon;

import io.launcher.api.LogEntry;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes container output as Docker streams it: without a TTY each chunk in an 8-byte header
 * {@code [stream, 0, 0, 0, length as big-endian u32]}; with a TTY the bytes alone. Frames are
 * gathered in a buffer and reach {@code out} in large writes (on a chunked body, one chunk each)
 * when it fills and on {@link #flush()}.
 */
public final class LogFrames {
    public static final int HEADER_SIZE = 8;
    private static final int BUFFER_SIZE = 1 << 16;

    private final OutputStream out;
    private final boolean multiplexed;
    private final boolean timestamps;
    private final byte[] buffer = new byte[BUFFER_SIZE];
    private int length;

    public LogFrames(OutputStream out, boolean multiplexed, boolean timestamps) {
        this.out = out;
        this.multiplexed = multiplexed;
        this.timestamps = timestamps;
    }

    public void write(LogEntry entry) throws IOException {
        byte[] data = entry.data();
        byte[] stamp = timestamps
                ? (DockerTime.formatFixed(entry.time()) + " ").getBytes(StandardCharsets.US_ASCII) : new byte[0];
        if (multiplexed) {
            put(header(entry.stream().number(), stamp.length + data.length));
        }
        put(stamp);
        put(data);
    }

    private void put(byte[] bytes) throws IOException {
        if (bytes.length > buffer.length - length) {
            drain();
            if (bytes.length > buffer.length) {
                out.write(bytes);
                return;
            }
        }
        System.arraycopy(bytes, 0, buffer, length, bytes.length);
        length += bytes.length;
    }

    private void drain() throws IOException {
        if (length > 0) {
            out.write(buffer, 0, length);
            length = 0;
        }
    }

    public static byte[] header(int stream, int length) {
        return new byte[] {(byte) stream, 0, 0, 0,
            (byte) (length >>> 24), (byte) (length >>> 16), (byte) (length >>> 8), (byte) length};
    }

    public void flush() throws IOException {
        drain();
        out.flush();
    }
}
