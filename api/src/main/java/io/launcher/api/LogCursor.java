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

    @Override
    void close();
}
