package io.launcher.backend.lxc;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.function.BooleanSupplier;

/**
 * Input for a process on a terminal, held back until LXC has set the host pty up: LXC does so
 * with TCSAFLUSH, which throws away what was written before, and until then the pty would echo
 * it and take ^D as its own end of file. The first write (or the close, which types ^D) waits
 * for {@code ready}; without a terminal {@code ready} holds at once.
 */
final class TerminalInput extends FilterOutputStream {
    private static final long TIMEOUT_MILLIS = 10_000;

    private final BooleanSupplier ready;
    private volatile boolean open;

    TerminalInput(OutputStream out, BooleanSupplier ready) {
        super(out);
        this.ready = ready;
    }

    @Override
    public void write(int b) throws IOException {
        await();
        out.write(b);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        await();
        out.write(bytes, offset, length);
    }

    @Override
    public void close() throws IOException {
        await();
        super.close();
    }

    /**
     * Polls the pty's mode; LXC sets it within milliseconds of the start. A tool that never does
     * (it failed) gets the input after the timeout anyway, as it would have without the wait.
     */
    private void await() throws IOException {
        long deadline = System.currentTimeMillis() + TIMEOUT_MILLIS;
        while (!open && !ready.getAsBoolean() && System.currentTimeMillis() < deadline) {
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("interrupted while waiting for the terminal to be set up");
            }
        }
        open = true;
    }
}
