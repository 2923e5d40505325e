package io.launcher.backend.lxc;

import io.launcher.api.FailedPreconditionException;
import io.launcher.api.SystemCallFailedException;
import java.io.FileOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.util.function.BooleanSupplier;

/**
 * The writer side of a container's stdin fifo. One writer at a time: opening again replaces the
 * current writer, and only the current writer's close tells the supervisor's keeper to let go,
 * after which the process reads end-of-file (with a terminal, script types ^D for it).
 */
final class StdinPipe {
    private final ContainerDir dir;
    private final BooleanSupplier terminalReady;
    private Writer current;

    /** {@code terminalReady}: see {@link TerminalInput}; holds at once for a process without a terminal. */
    StdinPipe(ContainerDir dir, BooleanSupplier terminalReady) {
        this.dir = dir;
        this.terminalReady = terminalReady;
    }

    synchronized OutputStream open(String container) {
        if (Files.notExists(dir.stdinFifo())) {
            throw new FailedPreconditionException("container " + container + " was not created with an open stdin");
        }
        try {
            // Never blocks: lxc-execute and the keeper hold the fifo open while the container lives.
            current = new Writer(new TerminalInput(new FileOutputStream(dir.stdinFifo().toFile()), terminalReady));
            return current;
        } catch (IOException e) {
            throw new SystemCallFailedException("open", dir.stdinFifo().toString(), String.valueOf(e.getMessage()), e);
        }
    }

    private synchronized void closed(Writer writer) {
        if (current == writer) {
            current = null;
            ControlFifo.send(dir.stdinCloseFifo(), ControlFifo.CLOSE);
        }
    }

    private final class Writer extends FilterOutputStream {
        private boolean closed;

        Writer(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
        }

        @Override
        public void close() throws IOException {
            if (closed) {
                return;
            }
            closed = true;
            try {
                super.close();
            } finally {
                closed(this);
            }
        }
    }
}
