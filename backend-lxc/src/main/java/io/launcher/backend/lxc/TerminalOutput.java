package io.launcher.backend.lxc;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The output of a tool run by {@link TerminalCommand}, as the container's terminal wrote it: the
 * host pty's {@code onlcr} turned every newline into CR LF, so the CR right before each LF is
 * the host's and is dropped. This undoes exactly that mapping: every LF passed through it, and
 * a CR that is not followed by an LF is kept.
 */
final class TerminalOutput extends FilterInputStream {
    private static final int CR = '\r';
    private static final int LF = '\n';
    private static final int NONE = -2;

    /** A byte read ahead after a CR, or NONE. */
    private int ahead = NONE;

    TerminalOutput(InputStream in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        int b = next();
        if (b != CR) {
            return b;
        }
        ahead = in.read();
        if (ahead == LF) {
            ahead = NONE;
            return LF;
        }
        return CR;
    }

    private int next() throws IOException {
        if (ahead != NONE) {
            int b = ahead;
            ahead = NONE;
            return b;
        }
        return in.read();
    }

    /** Reads what is there, at least one byte, and drops each host CR before an LF. */
    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        int first = read();
        if (first < 0) {
            return -1;
        }
        buffer[offset] = (byte) first;
        int count = 1;
        while (count < length && ahead == NONE && in.available() > 0) {
            int b = read();
            if (b < 0) {
                break;
            }
            buffer[offset + count++] = (byte) b;
        }
        return count;
    }

    @Override
    public int available() throws IOException {
        return (ahead == NONE ? 0 : 1) + in.available();
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = 0;
        while (skipped < n && read() >= 0) {
            skipped++;
        }
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }
}
