package io.launcher.api;

import java.io.Closeable;
import java.io.IOException;
import java.util.Optional;

/**
 * A reader over a container's stored output. {@link #next()} blocks while following a running
 * container and returns empty at the end (the container exited, or no follow was asked).
 */
public interface LogCursor extends Closeable {
    Optional<LogEntry> next() throws IOException, InterruptedException;

    /**
     * True when {@link #next()} would return an entry without waiting. A copier flushes its
     * output only when this is false, so a burst of entries goes out in large writes while a
     * quiet stream still reaches the reader at once. The default (never ready) flushes each entry.
     */
    default boolean ready() throws IOException {
        return false;
    }

    @Override
    void close();
}
