package io.launcher.engine;

import io.launcher.api.InternalException;
import io.launcher.api.LauncherException;
import io.launcher.spi.storage.SnapshotKey;
import io.launcher.spi.storage.StorageDriver;

/**
 * The failure path of a layer being built in a temp snapshot (import, pull, commit): the snapshot
 * goes, so no half layer stays, and the user sees the failure itself, not the clean-up's.
 */
final class TempSnapshots {
    private TempSnapshots() {
    }

    /** Removes {@code temp}; returns the failure to throw, a host error worded as {@code doing}. */
    static LauncherException abandon(StorageDriver storage, SnapshotKey temp, Exception cause, String doing) {
        LauncherException failure = cause instanceof LauncherException known ? known
                : new InternalException(doing + ": " + cause.getMessage(), cause);
        try {
            storage.remove(temp);
        } catch (RuntimeException cleanup) {
            failure.addSuppressed(cleanup);
        }
        return failure;
    }
}
