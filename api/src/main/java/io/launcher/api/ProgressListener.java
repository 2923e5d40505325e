package io.launcher.api;

/** Told how far a long operation (import, pull, push) has come; {@code total} is -1 when unknown. */
@FunctionalInterface
public interface ProgressListener {
    ProgressListener NONE = (what, current, total) -> { };

    void progress(String what, long current, long total);
}
