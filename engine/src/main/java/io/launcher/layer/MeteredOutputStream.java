package io.launcher.layer;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Tells a {@link WriteMeter} of every write before passing it on, so that a meter that throws
 * stops the write before its bytes reach the file (a temporary copy written for save or push).
 */
public final class MeteredOutputStream extends FilterOutputStream {
    private final WriteMeter meter;

    public MeteredOutputStream(OutputStream out, WriteMeter meter) {
        super(out);
        this.meter = meter;
    }

    @Override
    public void write(int b) throws IOException {
        meter.passed(1);
        out.write(b);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        meter.passed(length);
        out.write(bytes, offset, length);
    }
}
