package io.launcher.http;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;

/**
 * Encodes a chunked body. Every {@link #flush()} pushes what was written to the peer (streams
 * such as logs and wait depend on it); {@link #close()} writes the last chunk but keeps the
 * connection open.
 */
public final class ChunkedOutputStream extends OutputStream {
    private static final byte[] CRLF = {'\r', '\n'};

    private final OutputStream out;
    private final SocketChannel channel;
    private boolean closed;

    /** A body that never carries files (a request's). */
    ChunkedOutputStream(OutputStream out) {
        this(out, null);
    }

    /** {@code channel}: the socket below {@code out}, for {@link #writeWithFile}. */
    ChunkedOutputStream(OutputStream out, SocketChannel channel) {
        this.out = out;
        this.channel = channel;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] buffer, int offset, int length) throws IOException {
        if (closed) {
            throw new IOException("write after the end of a chunked body");
        }
        if (length == 0) {
            return;
        }
        out.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.write(buffer, offset, length);
        out.write(CRLF);
    }

    /**
     * Writes one chunk of {@code head[0..length)} followed by {@code count} bytes of {@code file}
     * from {@code position}, which the kernel sends from the page cache to the socket
     * ({@code sendfile}) instead of through the heap. The chunk's size is announced first, so a
     * file that ends early fails the response.
     */
    public void writeWithFile(byte[] head, int length, FileChannel file, long position, long count) throws IOException {
        if (closed) {
            throw new IOException("write after the end of a chunked body");
        }
        if (channel == null) {
            throw new IllegalStateException("this body has no socket to send a file to");
        }
        if (length + count == 0) {
            return;
        }
        out.write((Long.toHexString(length + count) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.write(head, 0, length);
        out.flush();
        long sent = 0;
        while (sent < count) {
            long n = file.transferTo(position + sent, count - sent, channel);
            if (n <= 0) {
                throw new IOException("file ended after " + sent + " of the chunk's " + count + " bytes");
            }
            sent += n;
        }
        out.write(CRLF);
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        }
    }
}
