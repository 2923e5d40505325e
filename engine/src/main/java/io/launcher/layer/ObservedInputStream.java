package io.launcher.layer;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * A stream that shows every byte read through it to {@link #observe}: digests, counters and
 * recorders. Skips are reads, so that skipped bytes are observed too; marks are not supported.
 */
public abstract class ObservedInputStream extends FilterInputStream {

    protected ObservedInputStream(InputStream in) {
        super(in);
    }

    /** Sees {@code length} bytes of {@code buffer} from {@code offset}, just read. */
    protected abstract void observe(byte[] buffer, int offset, int length) throws IOException;

    @Override
    public int read() throws IOException {
        int b = in.read();
        if (b >= 0) {
            observe(new byte[] {(byte) b}, 0, 1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = in.read(buffer, offset, length);
        if (n > 0) {
            observe(buffer, offset, n);
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

    /** Large reads: writers copy with transferTo, whose 8 kB would cost a read(2) per 8 kB. */
    @Override
    public long transferTo(OutputStream out) throws IOException {
        byte[] buffer = new byte[1 << 18];
        long total = 0;
        for (int n = read(buffer, 0, buffer.length); n >= 0; n = read(buffer, 0, buffer.length)) {
            out.write(buffer, 0, n);
            total += n;
        }
        return total;
    }

    @Override
    public boolean markSupported() {
        return false;
    }
}
