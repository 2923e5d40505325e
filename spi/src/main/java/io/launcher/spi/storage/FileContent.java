package io.launcher.spi.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * A regular file's content as a driver reads it from disk: a stream over an open file, which also
 * gives the file itself, so that a writer that only passes the bytes on (an export to a socket)
 * can have the kernel send them from the page cache ({@code sendfile}) without reading them.
 */
public final class FileContent extends InputStream {
    private final FileChannel file;

    public FileContent(FileChannel file) {
        this.file = file;
    }

    /** The open file, positioned where the stream is; transferring from it does not move the stream. */
    public FileChannel channel() {
        return file;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        return file.read(ByteBuffer.wrap(buffer, offset, length));
    }

    @Override
    public long skip(long n) throws IOException {
        long position = file.position();
        long skipped = Math.max(0, Math.min(n, file.size() - position));
        file.position(position + skipped);
        return skipped;
    }

    @Override
    public void close() throws IOException {
        file.close();
    }
}
