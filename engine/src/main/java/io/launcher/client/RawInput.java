package io.launcher.client;

import java.io.IOException;
import java.io.OutputStream;

/**
 * A process's stdin on a hijacked connection: each write goes out at once (a keystroke must not
 * wait in a buffer), and closing ends the input the way the caller chose (half or full close).
 */
final class RawInput extends OutputStream {
    @FunctionalInterface
    interface Ending {
        void end() throws IOException;
    }

    private final OutputStream out;
    private final Ending ending;
    private boolean closed;

    RawInput(OutputStream out, Ending ending) {
        this.out = out;
        this.ending = ending;
    }

    @Override
    public synchronized void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) throws IOException {
        out.write(bytes, offset, length);
        out.flush();
    }

    @Override
    public synchronized void close() throws IOException {
        if (!closed) {
            closed = true;
            ending.end();
        }
    }
}
