package io.launcher.daemon;

import io.launcher.api.LogEntry;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes container output as Docker streams it: without a TTY each chunk in an 8-byte header
 * {@code [stream, 0, 0, 0, length as big-endian u32]}; with a TTY the bytes alone.
 */
public final class LogFrames {
    public static final int HEADER_SIZE = 8;

    private final OutputStream out;
    private final boolean multiplexed;
    private final boolean timestamps;

    public LogFrames(OutputStream out, boolean multiplexed, boolean timestamps) {
        this.out = out;
        this.multiplexed = multiplexed;
        this.timestamps = timestamps;
    }

    public void write(LogEntry entry) throws IOException {
        byte[] data = entry.data();
        if (timestamps) {
            byte[] stamp = (DockerTime.formatFixed(entry.time()) + " ").getBytes(StandardCharsets.US_ASCII);
            byte[] stamped = new byte[stamp.length + data.length];
            System.arraycopy(stamp, 0, stamped, 0, stamp.length);
            System.arraycopy(data, 0, stamped, stamp.length, data.length);
            data = stamped;
        }
        if (multiplexed) {
            out.write(header(entry.stream().number(), data.length));
        }
        out.write(data);
    }

    public static byte[] header(int stream, int length) {
        return new byte[] {(byte) stream, 0, 0, 0,
            (byte) (length >>> 24), (byte) (length >>> 16), (byte) (length >>> 8), (byte) length};
    }

    public void flush() throws IOException {
        out.flush();
    }
}
