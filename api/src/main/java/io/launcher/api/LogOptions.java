package io.launcher.api;

import java.time.Instant;

/**
 * What {@code logs} asks for: streams, follow, the last {@code tail} entries (-1 for all), since.
 * {@code times}: whether the caller uses each entry's stored time; without it a remote engine
 * leaves the times off the wire (Docker's {@code timestamps=0}) and stamps entries on arrival.
 */
public record LogOptions(boolean stdout, boolean stderr, boolean follow, int tail, Instant since, boolean times) {

    /** Options that keep the stored times: the form callers written before {@code times} use. */
    public LogOptions(boolean stdout, boolean stderr, boolean follow, int tail, Instant since) {
        this(stdout, stderr, follow, tail, since, true);
    }

    public static LogOptions all() {
        return new LogOptions(true, true, false, -1, Instant.EPOCH);
    }
}
