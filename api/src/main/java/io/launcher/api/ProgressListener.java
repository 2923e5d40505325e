package io.launcher.api;

/** Told how far a long operation (import, pull, push) has come; {@code total} is -1 when unknown. */
@FunctionalInterface
public interface ProgressListener {
    ProgressListener NONE = (what, current, total) -> { };

    void progress(String what, long current, long total);

    /**
     * Progress of one item of a pull or push (a layer, by its short id) in Docker's words:
     * "Pulling fs layer", "Downloading", "Pull complete". An empty id is a status line of the
     * whole operation ("Digest: sha256:..."). Listeners that only count bytes get the bytes.
     */
    default void item(String id, String status, long current, long total) {
        progress(status, current, total);
    }
}
