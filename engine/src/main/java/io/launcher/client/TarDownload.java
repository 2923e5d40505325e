package io.launcher.client;

import io.launcher.http.ChannelOutput;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Copies a tar the engine streams (export, save) to the caller: to a {@link ChannelOutput} (a
 * file, stdout) by the body's own direct transfer; to another stream in large reads and larger writes:
 * a body of a hundred megabytes read 8 kB at a time (InputStream.transferTo) costs thousands of
 * system calls, and a socket read returns what has arrived (tens of kilobytes), so the buffer is
 * filled before it is written: a file takes a megabyte per write(2), not one write per read.
 */
final class TarDownload {
    private static final int BUFFER = 1 << 20;

    private TarDownload() {
    }

    static long copy(InputStream in, OutputStream out) throws IOException {
        if (out instanceof ChannelOutput) {
            // a response body sends itself to a channel from the socket, not through the heap
            return in.transferTo(out);
        }
        byte[] buffer = new byte[BUFFER];
        long total = 0;
        while (true) {
            int filled = fill(in, buffer);
            if (filled > 0) {
                out.write(buffer, 0, filled);
                total += filled;
            }
            if (filled < buffer.length) {
                return total;
            }
        }
    }

    /** Reads until the buffer is full or the body ends; returns how many bytes it holds. */
    private static int fill(InputStream in, byte[] buffer) throws IOException {
        int filled = 0;
        while (filled < buffer.length) {
            int n = in.read(buffer, filled, buffer.length - filled);
            if (n < 0) {
                break;
            }
            filled += n;
        }
        return filled;
    }
}
