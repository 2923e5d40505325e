package io.launcher.storage.overlay;

import io.launcher.spi.Mount;
import io.launcher.spi.storage.directory.DirectoryStorageDriver;
import io.launcher.spi.storage.directory.StoredSnapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Snapshots as overlayfs layers: each snapshot's {@code fs} is an upper dir while active and a
 * lower dir once committed; deletions are kept in overlayfs's own form ({@link OverlayWhiteouts}).
 */
public final class OverlayStorageDriver extends DirectoryStorageDriver {

    public OverlayStorageDriver(Path stateDir) {
        super(stateDir, new OverlayWhiteouts());
    }

    @Override
    protected List<Mount> mounts(StoredSnapshot snapshot, List<StoredSnapshot> parents) {
        return OverlayMounts.of(snapshot, parents);
    }

    /** overlayfs needs an empty work directory on the upper dir's filesystem. */
    @Override
    protected void prepareDirectory(Path directory) throws IOException {
        Files.createDirectory(directory.resolve("work"));
    }
}
