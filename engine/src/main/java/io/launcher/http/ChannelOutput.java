package io.launcher.http;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.GatheringByteChannel;

/**
 * Where a downloaded body goes when that is a channel (a file, or stdout's descriptor): written as
 * any stream, but a response body's {@code transferTo} moves it from the socket to the channel
 * through one direct buffer, where a stream would take each byte through the heap twice (the JDK
 * copies a heap buffer into a native one for every read and every write). Writes are unbuffered:
 * made for large blocks.
 */
public final class ChannelOutput extends OutputStream {
    /** What a body's copy reads before it writes: a megabyte per write(2), not one per socket read. */
    static final int BLOCK = 1 << 20;

    private final GatheringByteChannel channel;

    public ChannelOutput(GatheringByteChannel channel) {
        this.channel = channel;
    }

    GatheringByteChannel channel() {
        return channel;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        writeFully(channel, ByteBuffer.wrap(bytes, offset, length));
    }

    /** Closes the channel: a caller writing to a descriptor it does not own (stdout) does not close this. */
    @Override
    public void close() throws IOException {
        channel.close();
    }

    static void writeFully(GatheringByteChannel channel, ByteBuffer bytes) throws IOException {
        while (bytes.hasRemaining()) {
            channel.write(bytes);
        }
    }

    /** Writes every buffer whole: a pipe or a signal may take a gathering write in parts. */
    static void writeFully(GatheringByteChannel channel, ByteBuffer[] buffers, int count) throws IOException {
        int first = 0;
        while (first < count) {
            channel.write(buffers, first, count - first);
            while (first < count && !buffers[first].hasRemaining()) {
                first++;
            }
        }
    }
}
