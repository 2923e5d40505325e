package io.launcher.spi.storage.directory;

import io.launcher.spi.storage.SnapshotInfo;
import java.nio.file.Path;

/**
 * A snapshot and its directory {@code snapshots/<n>}: {@code fs} is its own layer; a driver may keep
 * more beside it (overlayfs's {@code work}). Numeric directory names keep mount options short.
 */
public record StoredSnapshot(SnapshotInfo info, Path directory) {

    public Path fs() {
        return directory.resolve("fs");
    }
}
