package io.launcher.daemon;

import io.launcher.http.ChunkedOutputStream;
import io.launcher.layer.FileSink;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * A tar streamed as a response body (export): headers and small files are gathered into chunks
 * of up to 64 kB (one write each instead of one per header), and a larger file's bytes are sent by the
 * kernel from the page cache in the chunk that ends with the headers before it, so an export
 * copies no file content through the heap.
 */
final class TarBody extends OutputStream implements FileSink {
    /** Below this a file is read into the buffer: one read beats a flush and a sendfile. */
    private static final int SMALL_FILE = 16 * 1024;

    private final ChunkedOutputStream chunks;
    // Small: it holds the headers between two sent files, and a larger one outlives the daemon's
    // small young generation, is promoted and costs a full collection per export.
    private final byte[] buffer = new byte[1 << 16];
    private int used;

    TarBody(ChunkedOutputStream chunks) {
        this.chunks = chunks;
    }

    @Override
    public void write(int b) throws IOException {
        if (used == buffer.length) {
            drain();
        }
        buffer[used++] = (byte) b;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        if (length > buffer.length - used) {
            drain();
        }
        if (length >= buffer.length) {
            chunks.write(bytes, offset, length);
            return;
        }
        System.arraycopy(bytes, offset, buffer, used, length);
        used += length;
    }

    @Override
    public long transferFrom(FileChannel file, long position, long count) throws IOException {
        if (count < SMALL_FILE) {
            if (count > buffer.length - used) {
                drain();
            }
            return readSmall(file, position, (int) count);
        }
        chunks.writeWithFile(buffer, used, file, position, count);
        used = 0;
        return count;
    }

    private long readSmall(FileChannel file, long position, int count) throws IOException {
        ByteBuffer target = ByteBuffer.wrap(buffer, used, count);
        while (target.hasRemaining()) {
            if (file.read(target, position + target.position() - used) < 0) {
                break;
            }
        }
        int read = target.position() - used;
        used += read;
        return read;
    }

    private void drain() throws IOException {
        if (used > 0) {
            chunks.write(buffer, 0, used);
            used = 0;
        }
    }

    @Override
    public void flush() throws IOException {
        drain();
        chunks.flush();
    }

    @Override
    public void close() throws IOException {
        drain();
        chunks.close();
    }
}
