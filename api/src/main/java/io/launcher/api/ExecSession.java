package io.launcher.api;

import java.io.OutputStream;

/**
 * A started exec: its stdin (closing it closes the process's stdin) and its output, which ends
 * when the process has exited and everything it printed was read.
 */
public interface ExecSession extends AutoCloseable {
    OutputStream stdin();

    LogCursor output();

    @Override
    void close();
}
