package io.launcher.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Copies a tar the engine streams (export, save) to the caller in large reads: a body of a
 * hundred megabytes read 8 kB at a time (InputStream.transferTo) costs thousands of system calls.
 */
final class TarDownload {
    private static final int BUFFER = 1 << 20;

    private TarDownload() {
    }

    static long copy(InputStream in, OutputStream out) throws IOException {
        byte[] buffer = new byte[BUFFER];
        long total = 0;
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            out.write(buffer, 0, n);
            total += n;
        }
        return total;
    }
}
