package io.launcher.storage.overlay;

import io.launcher.api.FailedPreconditionException;
import io.launcher.api.InternalException;
import io.launcher.spi.Mount;
import io.launcher.spi.storage.LayerReader;
import io.launcher.spi.storage.LayerWriter;
import io.launcher.spi.storage.SnapshotInfo;
import io.launcher.spi.storage.SnapshotKey;
import io.launcher.spi.storage.SnapshotKind;
import io.launcher.spi.storage.StorageDriver;
import io.launcher.spi.storage.Usage;
import io.launcher.spi.storage.directory.LayerDirectory;
import io.launcher.spi.storage.directory.SnapshotTable;
import io.launcher.spi.storage.directory.StoredSnapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Snapshots as overlayfs layers: each snapshot's {@code fs} is an upper dir while active and a
 * lower dir once committed; deletions are kept in overlayfs's own form ({@link OverlayWhiteouts}).
 */
public final class OverlayStorageDriver implements StorageDriver {
    private final SnapshotTable table;
    private final OverlayWhiteouts whiteouts = new OverlayWhiteouts();

    public OverlayStorageDriver(Path stateDir) {
        this.table = new SnapshotTable(stateDir);
    }

    @Override
    public List<Mount> prepare(SnapshotKey key, Optional<SnapshotKey> parent) {
        return mounts(table.create(key, parent, SnapshotKind.ACTIVE,
                directory -> Files.createDirectory(directory.resolve("work"))));
    }

    @Override
    public List<Mount> view(SnapshotKey key, Optional<SnapshotKey> parent) {
        return mounts(table.create(key, parent, SnapshotKind.VIEW, directory -> { }));
    }

    @Override
    public List<Mount> mounts(SnapshotKey key) {
        StoredSnapshot snapshot = table.get(key);
        if (snapshot.info().kind() == SnapshotKind.COMMITTED) {
            throw new FailedPreconditionException("snapshot " + key + " is committed: prepare or view it to mount it");
        }
        return mounts(snapshot);
    }

    private List<Mount> mounts(StoredSnapshot snapshot) {
        return OverlayMounts.of(snapshot, table.parents(snapshot));
    }

    @Override
    public void commit(SnapshotKey name, SnapshotKey active) {
        table.commit(name, active);
    }

    @Override
    public void remove(SnapshotKey key) {
        table.remove(key);
    }

    @Override
    public SnapshotInfo stat(SnapshotKey key) {
        return table.get(key).info();
    }

    @Override
    public Usage usage(SnapshotKey key) {
        try {
            return layer(table.get(key)).usage();
        } catch (IOException e) {
            throw new InternalException("unable to measure snapshot " + key + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void walk(Consumer<SnapshotInfo> visitor) {
        table.all().forEach(snapshot -> visitor.accept(snapshot.info()));
    }

    @Override
    public void apply(SnapshotKey active, LayerReader layer) throws IOException {
        layer(active(active)).apply(layer);
    }

    @Override
    public void diff(SnapshotKey active, LayerWriter out) throws IOException {
        layer(active(active)).diff(out);
    }

    private StoredSnapshot active(SnapshotKey key) {
        StoredSnapshot snapshot = table.get(key);
        if (snapshot.info().kind() != SnapshotKind.ACTIVE) {
            throw new FailedPreconditionException("snapshot " + key + " is not active");
        }
        return snapshot;
    }

    private LayerDirectory layer(StoredSnapshot snapshot) {
        return new LayerDirectory(snapshot.fs(), table.parents(snapshot).stream().map(StoredSnapshot::fs).toList(),
                whiteouts);
    }
}
