package io.launcher.layer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** Shows the count of every read to a {@link WriteMeter}, which may stop the stream. */
public final class MeteredInputStream extends ObservedInputStream {
    private final WriteMeter meter;

    public MeteredInputStream(InputStream in, WriteMeter meter) {
        super(in);
        this.meter = meter;
    }

    @Override
    protected void observe(byte[] buffer, int offset, int length) {
        meter.passed(length);
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
}
