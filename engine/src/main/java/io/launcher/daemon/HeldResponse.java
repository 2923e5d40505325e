package io.launcher.daemon;

import java.io.IOException;
import java.io.OutputStream;

/**
 * A streamed 200 response whose head goes out with its first byte, not before: a handler that
 * fails before writing anything (a save stopped by the disk reserve while it spools its layers)
 * still gets its error status and one-line message instead of a 200 and a cut body.
 */
final class HeldResponse extends OutputStream {
    /** Opens the real response stream, head first. */
    @FunctionalInterface
    interface Opener {
        OutputStream open() throws IOException;
    }

    private final Opener opener;
    private OutputStream out;

    HeldResponse(Opener opener) {
        this.opener = opener;
    }

    private OutputStream out() throws IOException {
        if (out == null) {
            out = opener.open();
        }
        return out;
    }

    @Override
    public void write(int b) throws IOException {
        out().write(b);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        out().write(bytes, offset, length);
    }

    /** Nothing to push before the first byte: the head waits for it. */
    @Override
    public void flush() throws IOException {
        if (out != null) {
            out.flush();
        }
    }

    /** Ends the body when one was started; else leaves the exchange to the error handler. */
    @Override
    public void close() throws IOException {
        if (out != null) {
            out.close();
        }
    }
}
