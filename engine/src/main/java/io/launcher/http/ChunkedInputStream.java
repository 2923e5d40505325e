package io.launcher.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** Decodes a chunked body (RFC 9112 section 7.1); trailer fields are read and dropped. */
final class ChunkedInputStream extends InputStream {
    private final InputStream in;
    private long remaining;
    private boolean done;

    ChunkedInputStream(InputStream in) {
        this.in = in;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (done || (remaining == 0 && !nextChunk())) {
            return -1;
        }
        int n = in.read(buffer, offset, (int) Math.min(length, remaining));
        if (n < 0) {
            throw new HttpProtocolException("connection closed inside a chunk");
        }
        remaining -= n;
        if (remaining == 0) {
            expectLineEnd();
        }
        return n;
    }

    @Override
    public int available() throws IOException {
        return done ? 0 : (int) Math.min(remaining, in.available());
    }

    /**
     * With a {@link ChannelOutput} on the client's connection, the rest of the body goes from the
     * socket to the channel through a direct buffer ({@link ChunkedChannelCopy}), not the heap.
     */
    @Override
    public long transferTo(OutputStream out) throws IOException {
        if (!done && out instanceof ChannelOutput target && in instanceof ConnectionInput connection) {
            long copied = new ChunkedChannelCopy(connection, target, remaining).copy();
            remaining = 0;
            done = true;
            return copied;
        }
        return super.transferTo(out);
    }

    /** The size a chunk's first line gives (hexadecimal, extensions after a ';' ignored). */
    static long chunkSize(String line) throws HttpProtocolException {
        int semicolon = line.indexOf(';');
        String size = (semicolon < 0 ? line : line.substring(0, semicolon)).trim();
        long parsed;
        try {
            parsed = Long.parseLong(size, 16);
        } catch (NumberFormatException e) {
            throw new HttpProtocolException("malformed chunk size: " + line);
        }
        if (parsed < 0) {
            throw new HttpProtocolException("malformed chunk size: " + line);
        }
        return parsed;
    }

    private boolean nextChunk() throws IOException {
        remaining = chunkSize(MessageHead.readLine(in, false));
        if (remaining == 0) {
            while (!MessageHead.readLine(in, false).isEmpty()) {
                // trailer field: nothing here uses trailers
            }
            done = true;
            return false;
        }
        return true;
    }

    private void expectLineEnd() throws IOException {
        if (!MessageHead.readLine(in, false).isEmpty()) {
            throw new HttpProtocolException("chunk data longer than its size");
        }
    }

    /** Does not close the connection: the next request may follow on it. */
    @Override
    public void close() {
        // the connection outlives its bodies
    }
}
