package io.launcher.layer;

import io.launcher.api.InvalidSpecException;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Keeps a copy of the raw bytes read while Commons Compress parses the headers of one entry, so
 * that PAX values can be read as bytes: Commons decodes them as UTF-8 and corrupts binary
 * extended attributes such as {@code security.capability}.
 */
final class HeaderRecorder extends FilterInputStream {
    /** More header bytes than any sane entry needs: a hostile PAX header must not fill the heap. */
    static final int LIMIT = 1 << 20;

    private ByteArrayOutputStream recording;
    private long position;

    HeaderRecorder(InputStream in) {
        super(in);
    }

    long position() {
        return position;
    }

    void start() {
        recording = new ByteArrayOutputStream();
    }

    byte[] stop() {
        byte[] bytes = recording.toByteArray();
        recording = null;
        return bytes;
    }

    @Override
    public int read() throws IOException {
        int b = in.read();
        if (b >= 0) {
            record(new byte[] {(byte) b}, 0, 1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = in.read(buffer, offset, length);
        if (n > 0) {
            record(buffer, offset, n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        byte[] buffer = new byte[8192];
        long skipped = 0;
        while (skipped < n) {
            int read = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
            if (read < 0) {
                break;
            }
            skipped += read;
        }
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private void record(byte[] buffer, int offset, int length) {
        position += length;
        if (recording != null) {
            if (recording.size() + length > LIMIT) {
                throw new InvalidSpecException("invalid layer: tar headers larger than " + LIMIT + " bytes");
            }
            recording.write(buffer, offset, length);
        }
    }
}
