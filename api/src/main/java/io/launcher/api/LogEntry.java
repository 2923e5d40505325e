package io.launcher.api;

import java.time.Instant;

/** One chunk of a container's output as stored: which stream, when, the bytes. */
public record LogEntry(StdStream stream, Instant time, byte[] data) {
}
