package io.launcher.api;

import java.time.Instant;

/** What {@code logs} asks for: streams, follow, the last {@code tail} entries (-1 for all), since. */
public record LogOptions(boolean stdout, boolean stderr, boolean follow, int tail, Instant since) {
    public static LogOptions all() {
        return new LogOptions(true, true, false, -1, Instant.EPOCH);
    }
}
