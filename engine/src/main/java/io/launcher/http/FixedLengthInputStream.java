package io.launcher.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;

/** A body of known length: reads exactly that many bytes and then reports the end. */
final class FixedLengthInputStream extends InputStream {
    private final InputStream in;
    private long remaining;

    FixedLengthInputStream(InputStream in, long length) {
        this.in = in;
        this.remaining = length;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (remaining == 0) {
            return -1;
        }
        if (length == 0) {
            return 0;
        }
        int n = in.read(buffer, offset, (int) Math.min(length, remaining));
        if (n < 0) {
            throw new HttpProtocolException("connection closed with " + remaining + " body bytes missing");
        }
        remaining -= n;
        return n;
    }

    /**
     * With a {@link ChannelOutput} on the client's connection, the rest of the body goes from the
     * socket to the channel through a direct buffer, a megabyte per write, not through the heap.
     */
    @Override
    public long transferTo(OutputStream out) throws IOException {
        if (remaining == 0 || !(out instanceof ChannelOutput target && in instanceof ConnectionInput connection)) {
            return super.transferTo(out);
        }
        long length = remaining;
        ByteBuffer buffer = ByteBuffer.allocateDirect((int) Math.min(ChannelOutput.BLOCK, remaining));
        while (remaining > 0) {
            buffer.clear().limit((int) Math.min(buffer.capacity(), remaining));
            while (buffer.hasRemaining()) {
                if (connection.read(buffer) < 0) {
                    throw new HttpProtocolException("connection closed with " + (remaining - buffer.position())
                            + " body bytes missing");
                }
            }
            remaining -= buffer.position();
            target.write(buffer.flip());
        }
        return length;
    }

    @Override
    public int available() throws IOException {
        return (int) Math.min(remaining, in.available());
    }

    @Override
    public void close() {
        // the connection outlives its bodies
    }
}
