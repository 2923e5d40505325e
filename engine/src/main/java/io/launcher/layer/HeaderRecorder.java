package io.launcher.layer;

import io.launcher.api.InvalidSpecException;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;

/**
 * Keeps a copy of the raw bytes read while Commons Compress parses the headers of one entry, so
 * that PAX values can be read as bytes: Commons decodes them as UTF-8 and corrupts binary
 * extended attributes such as {@code security.capability}.
 */
final class HeaderRecorder extends ObservedInputStream {
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
    protected void observe(byte[] buffer, int offset, int length) {
        position += length;
        if (recording != null) {
            if (recording.size() + length > LIMIT) {
                throw new InvalidSpecException("invalid layer: tar headers larger than " + LIMIT + " bytes");
            }
            recording.write(buffer, offset, length);
        }
    }
}
