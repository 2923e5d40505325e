package io.launcher.layer;

import java.io.InputStream;

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
}
