package io.launcher.daemon;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Docker's default detach sequence, ctrl-p ctrl-q, watched for in a stdin stream. The bytes of a
 * possible sequence are held back; they go on when the next byte breaks it, and are dropped
 * when it completes (the client detaches; the container keeps running).
 */
public final class DetachKeys {
    private static final byte[] KEYS = {0x10, 0x11};

    private int matched;

    /** Forwards what is not the detach sequence to {@code out}; true once the sequence is complete. */
    public boolean copy(byte[] bytes, int offset, int length, OutputStream out) throws IOException {
        ByteArrayOutputStream forward = new ByteArrayOutputStream(length + KEYS.length);
        boolean detached = false;
        for (int i = offset; i < offset + length && !detached; i++) {
            byte b = bytes[i];
            if (b == KEYS[matched]) {
                matched++;
                detached = matched == KEYS.length;
                continue;
            }
            if (matched > 0) {
                forward.write(KEYS, 0, matched);
                matched = 0;
                if (b == KEYS[0]) {
                    matched = 1;
                    continue;
                }
            }
            forward.write(b);
        }
        if (forward.size() > 0) {
            out.write(forward.toByteArray());
            out.flush();
        }
        return detached;
    }
}
