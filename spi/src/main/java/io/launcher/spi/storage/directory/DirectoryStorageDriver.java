package io.launcher.spi.storage.directory;

import io.launcher.api.FailedPreconditionException;
import io.launcher.api.InternalException;
import io.launcher.spi.Mount;
import io.launcher.spi.storage.LayerLimit;
import io.launcher.spi.storage.LayerReader;
import io.launcher.spi.storage.LayerWriter;
import io.launcher.spi.storage.SnapshotInfo;
import io.launcher.spi.storage.SnapshotKey;
import io.launcher.spi.storage.SnapshotKind;
import io.launcher.spi.storage.StorageDriver;
import io.launcher.spi.storage.Usage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A storage driver whose layers are plain directories stacked by a union filesystem (overlayfs,
 * AUFS): snapshots, metadata, apply and diff are the same for all of them; a driver adds only its
 * mounts, its extra directories and its whiteout form.
 */
public abstract class DirectoryStorageDriver implements StorageDriver {
    private final SnapshotTable table;
    private final WhiteoutForm whiteouts;

    protected DirectoryStorageDriver(Path stateDir, WhiteoutForm whiteouts) {
        this.table = new SnapshotTable(stateDir);
        this.whiteouts = whiteouts;
    }

    /** The mounts of an active snapshot or a view over its parents (nearest first). */
    protected abstract List<Mount> mounts(StoredSnapshot snapshot, List<StoredSnapshot> parents);

    /** Adds what the driver keeps beside {@code fs} in a new active snapshot's directory. */
    protected abstract void prepareDirectory(Path directory) throws IOException;

    @Override
    public final List<Mount> prepare(SnapshotKey key, Optional<SnapshotKey> parent) {
        return mounts(table.create(key, parent, SnapshotKind.ACTIVE, this::prepareDirectory));
    }

    @Override
    public final List<Mount> prepare(SnapshotKey key, Optional<SnapshotKey> parent, LayerLimit limit) {
        return mounts(table.create(key, parent, SnapshotKind.ACTIVE, directory -> {
            prepareDirectory(directory);
            limitDirectory(directory, limit);
        }));
    }

    /**
     * Bounds a new active snapshot's directory (after {@link #prepareDirectory}, before the snapshot
     * is recorded), or refuses with a {@link FailedPreconditionException} whose message the user sees:
     * this default refuses. A failure here removes the directory again.
     */
    protected void limitDirectory(Path directory, LayerLimit limit) throws IOException {
        throw new FailedPreconditionException("--storage-opt is not supported by this storage driver");
    }

    /**
     * What must be released once a snapshot's directory is removed (the bound that
     * {@link #limitDirectory} set), read before the directory goes; by default nothing.
     */
    protected Runnable releaseOnRemove(Path directory) {
        return () -> { };
    }

    @Override
    public final List<Mount> view(SnapshotKey key, Optional<SnapshotKey> parent) {
        return mounts(table.create(key, parent, SnapshotKind.VIEW, directory -> { }));
    }

    @Override
    public final List<Mount> mounts(SnapshotKey key) {
        return mounts(mountable(key));
    }

    @Override
    public final List<Mount> disposableMounts(SnapshotKey key) {
        StoredSnapshot snapshot = mountable(key);
        return disposableMounts(snapshot, table.parents(snapshot));
    }

    /** {@link StorageDriver#disposableMounts}' form of a snapshot's mounts; by default its plain mounts. */
    protected List<Mount> disposableMounts(StoredSnapshot snapshot, List<StoredSnapshot> parents) {
        return mounts(snapshot, parents);
    }

    /** An active snapshot or a view: a committed one is mounted through a snapshot over it. */
    private StoredSnapshot mountable(SnapshotKey key) {
        StoredSnapshot snapshot = table.get(key);
        if (snapshot.info().kind() == SnapshotKind.COMMITTED) {
            throw new FailedPreconditionException("snapshot " + key + " is committed: prepare or view it to mount it");
        }
        return snapshot;
    }

    private List<Mount> mounts(StoredSnapshot snapshot) {
        return mounts(snapshot, table.parents(snapshot));
    }

    @Override
    public final void commit(SnapshotKey name, SnapshotKey active) {
        // The layer's files reach the disk before the rename that publishes them; outside the
        // table's lock, as a syncfs may wait for other writers' data too.
        FilesystemSync.sync(table.get(active).directory());
        table.commit(name, active);
    }

    @Override
    public final void remove(SnapshotKey key) {
        Runnable release = releaseOnRemove(table.get(key).directory());
        table.remove(key);
        release.run();
    }

    @Override
    public final SnapshotInfo stat(SnapshotKey key) {
        return table.get(key).info();
    }

    @Override
    public final Usage usage(SnapshotKey key) {
        try {
            return layer(table.get(key)).usage();
        } catch (IOException e) {
            throw new InternalException("unable to measure snapshot " + key + ": " + e.getMessage(), e);
        }
    }

    @Override
    public final void walk(Consumer<SnapshotInfo> visitor) {
        table.all().forEach(snapshot -> visitor.accept(snapshot.info()));
    }

    @Override
    public final void apply(SnapshotKey active, LayerReader layer) throws IOException {
        layer(active(active)).apply(layer);
    }

    @Override
    public final void diff(SnapshotKey key, LayerWriter out) throws IOException {
        StoredSnapshot snapshot = table.get(key);
        if (snapshot.info().kind() == SnapshotKind.VIEW) {
            throw new FailedPreconditionException("snapshot " + key + " is a view: it has no layer of its own");
        }
        layer(snapshot).diff(out);
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
