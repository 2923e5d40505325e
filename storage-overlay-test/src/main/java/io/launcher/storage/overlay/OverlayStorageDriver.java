package io.launcher.storage.overlay;

import io.launcher.spi.Mount;
import io.launcher.spi.storage.LayerLimit;
import io.launcher.spi.storage.directory.DirectoryStorageDriver;
import io.launcher.spi.storage.directory.StoredSnapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Snapshots as overlayfs layers: each snapshot's {@code fs} is an upper dir while active and a
 * lower dir once committed; deletions are kept in overlayfs's own form ({@link OverlayWhiteouts}).
 * A bounded layer is a project quota on the snapshot's directory ({@link LayerQuotas}).
 */
public final class OverlayStorageDriver extends DirectoryStorageDriver {
    private final LayerQuotas quotas;

    public OverlayStorageDriver(Path stateDir) {
        this(stateDir, new KernelProjectQuotas());
    }

    OverlayStorageDriver(Path stateDir, ProjectQuotas quotas) {
        super(stateDir, new OverlayWhiteouts());
        this.quotas = new LayerQuotas(stateDir, quotas);
    }

    @Override
    protected List<Mount> mounts(StoredSnapshot snapshot, List<StoredSnapshot> parents) {
        return OverlayMounts.of(snapshot, parents);
    }

    /** Volatile where the kernel has it ({@link VolatileOverlay}). */
    @Override
    protected List<Mount> disposableMounts(StoredSnapshot snapshot, List<StoredSnapshot> parents) {
        List<Mount> mounts = OverlayMounts.of(snapshot, parents);
        return VolatileOverlay.SUPPORTED ? VolatileOverlay.of(mounts, snapshot.directory().resolve("work")) : mounts;
    }

    /** overlayfs needs an empty work directory on the upper dir's filesystem. */
    @Override
    protected void prepareDirectory(Path directory) throws IOException {
        Files.createDirectory(directory.resolve("work"));
    }

    @Override
    protected void limitDirectory(Path directory, LayerLimit limit) {
        quotas.limit(directory, List.of(directory.resolve("fs"), directory.resolve("work")), limit);
    }

    @Override
    protected Runnable releaseOnRemove(Path directory) {
        return quotas.releaseOnRemove(directory);
    }
}
