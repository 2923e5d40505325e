package io.launcher.daemon;

import io.launcher.api.LogEntry;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes container output as Docker streams it: without a TTY each chunk in an 8-byte header
 * {@code [stream, 0, 0, 0, length as big-endian u32]}; with a TTY the bytes alone. Frames are
 * gathered in a buffer and reach {@code out} in large writes (on a chunked body, one chunk each)
 * when it fills and on {@link #flush()}. Without timestamps, entries of one stream that meet in
 * the buffer share one frame, as Docker's attach stream carries whatever one read gave: a client
 * then handles a burst of a million short lines as a few hundred frames (the docker CLI writes
 * each frame with its own system call).
 */
public final class LogFrames {
    public static final int HEADER_SIZE = 8;
    private static final int BUFFER_SIZE = 1 << 16;

    private final OutputStream out;
    private final boolean multiplexed;
    private final boolean timestamps;
    private final byte[] buffer = new byte[BUFFER_SIZE];
    private int length;
    private int openFrame = -1;

    public LogFrames(OutputStream out, boolean multiplexed, boolean timestamps) {
        this.out = out;
        this.multiplexed = multiplexed;
        this.timestamps = timestamps;
    }

    public void write(LogEntry entry) throws IOException {
        byte[] data = entry.data();
        byte[] stamp = timestamps
                ? (DockerTime.formatFixed(entry.time()) + " ").getBytes(StandardCharsets.US_ASCII) : new byte[0];
        if (multiplexed && !timestamps && openFrame >= 0 && buffer[openFrame] == entry.stream().number()
                && data.length <= buffer.length - length) {
            System.arraycopy(data, 0, buffer, length, data.length);
            length += data.length;
            setLength(openFrame, length - openFrame - HEADER_SIZE);
            return;
        }
        if (multiplexed) {
            put(header(entry.stream().number(), stamp.length + data.length));
            openFrame = length - HEADER_SIZE;
        }
        put(stamp);
        put(data);
    }

    private void setLength(int frame, int size) {
        buffer[frame + 4] = (byte) (size >>> 24);
        buffer[frame + 5] = (byte) (size >>> 16);
        buffer[frame + 6] = (byte) (size >>> 8);
        buffer[frame + 7] = (byte) size;
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
        openFrame = -1;
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
