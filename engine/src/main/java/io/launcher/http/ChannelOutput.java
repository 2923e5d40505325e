package io.launcher.http;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.GatheringByteChannel;
import java.util.Locale;

/**
 * Where a downloaded body goes when that is a channel (a file, or stdout's descriptor): written as
 * any stream, but a response body's {@code transferTo} moves it from the socket to the channel
 * through one direct buffer, where a stream would take each byte through the heap twice (the JDK
 * copies a heap buffer into a native one for every read and every write). Writes are unbuffered:
 * made for large blocks. A failed write says so as Go's os package does ("write /dev/stdout:
 * broken pipe"), so it is not taken for a failure of the connection.
 */
public final class ChannelOutput extends OutputStream {
    /** What a body's copy reads before it writes: a megabyte per write(2), not one per socket read. */
    static final int BLOCK = 1 << 20;

    private final GatheringByteChannel channel;
    private final String name;

    /** {@code name}: the file, or /dev/stdout, as a failed write names it. */
    public ChannelOutput(GatheringByteChannel channel, String name) {
        this.channel = channel;
        this.name = name;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        write(ByteBuffer.wrap(bytes, offset, length));
    }

    /** Closes the channel: a caller writing to a descriptor it does not own (stdout) does not close this. */
    @Override
    public void close() throws IOException {
        channel.close();
    }

    void write(ByteBuffer bytes) throws IOException {
        try {
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
        } catch (IOException e) {
            throw failed(e);
        }
    }

    /** Writes every buffer whole: a pipe or a signal may take a gathering write in parts. */
    void write(ByteBuffer[] buffers, int count) throws IOException {
        int first = 0;
        try {
            while (first < count) {
                channel.write(buffers, first, count - first);
                while (first < count && !buffers[first].hasRemaining()) {
                    first++;
                }
            }
        } catch (IOException e) {
            throw failed(e);
        }
    }

    private IOException failed(IOException e) {
        String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().toLowerCase(Locale.ROOT);
        return new IOException("write " + name + ": " + reason, e);
    }
}
