package io.launcher.api;

import java.io.Closeable;
import java.util.Optional;

/**
 * A subscription to the engine's events, in the shape of {@link LogCursor}: {@link #next()} blocks
 * for the next matching event and returns empty once {@code until} has passed or the stream was closed.
 */
public interface EventStream extends Closeable {
    Optional<EngineEvent> next() throws InterruptedException;

    @Override
    void close();
}
