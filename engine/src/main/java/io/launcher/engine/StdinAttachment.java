package io.launcher.engine;

import io.launcher.spi.isolation.Sandbox;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;

/**
 * A client's hold on a container's stdin. The sandbox's stream is opened at the first byte, so
 * a client may attach before the start, as the docker CLI does; closing reaches the process
 * only for a {@code StdinOnce} container, otherwise the client merely goes away.
 */
final class StdinAttachment extends OutputStream {
    private final ContainerEntry entry;
    private final long exitsAtAttach;
    private final boolean closesStdin;
    private OutputStream stdin;
    private boolean closed;

    StdinAttachment(ContainerEntry entry, boolean closesStdin) {
        this.entry = entry;
        this.exitsAtAttach = entry.exits();
        this.closesStdin = closesStdin;
    }

    @Override
    public synchronized void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) throws IOException {
        if (closed) {
            throw new IOException("stdin of container " + entry.id() + " is closed");
        }
        stream().write(bytes, offset, length);
        stdin.flush();
    }

    @Override
    public synchronized void flush() throws IOException {
        if (stdin != null) {
            stdin.flush();
        }
    }

    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        if (closesStdin) {
            try {
                stream().close();
            } catch (IOException e) {
                // the process has ended: its stdin went with it
            }
        }
    }

    private OutputStream stream() throws IOException {
        if (stdin == null) {
            Sandbox sandbox;
            try {
                sandbox = entry.awaitRun(exitsAtAttach)
                        .orElseThrow(() -> new IOException("container " + entry.id() + " is not running"));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while waiting for container " + entry.id() + " to start");
            }
            stdin = sandbox.openStdin();
        }
        return stdin;
    }
}
