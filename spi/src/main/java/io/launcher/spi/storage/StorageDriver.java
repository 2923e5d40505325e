package io.launcher.spi.storage;

import io.launcher.api.FailedPreconditionException;
import io.launcher.spi.Mount;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Copy-on-write layers in the shape of containerd's snapshotter. Committed snapshots are
 * immutable layers; an active snapshot is a writable layer over a committed parent chain. The
 * driver returns mounts as data and never mounts on the host for a container: the isolation
 * backend mounts them inside the container's mount namespace.
 *
 * <p>Layer content travels as {@link LayerEntry} values: the engine parses and sanitises tar
 * streams (policy), the driver writes entries into its own format (mechanism), converting the
 * neutral whiteouts to its own form and back.
 */
public interface StorageDriver {

    /** Creates a writable snapshot over {@code parent} (a committed key) and returns its mounts. */
    List<Mount> prepare(SnapshotKey key, Optional<SnapshotKey> parent);

    /**
     * Like {@link #prepare(SnapshotKey, Optional)}, with the new snapshot's own layer bounded to
     * {@code limit}: a write past it fails with {@code EDQUOT}, and removing the snapshot releases
     * the bound. A driver that cannot bound a layer on this host refuses before creating anything,
     * with a {@link FailedPreconditionException} whose message the user sees as is; this default
     * refuses always, so drivers written before limits existed keep their behaviour.
     */
    default List<Mount> prepare(SnapshotKey key, Optional<SnapshotKey> parent, LayerLimit limit) {
        throw new FailedPreconditionException("--storage-opt is not supported by this storage driver");
    }

    /** Creates a read-only view of {@code parent}. */
    List<Mount> view(SnapshotKey key, Optional<SnapshotKey> parent);

    /** The mounts of an existing active snapshot or view, e.g. after an engine restart. */
    List<Mount> mounts(SnapshotKey key);

    /**
     * The mounts of an active snapshot that is removed once they are unmounted (the root of a
     * container removed when it exits): nothing written through them needs to reach the disk, so
     * a driver may mount them without syncing (overlayfs' {@code volatile}), sparing the unmount a
     * flush of the whole filesystem the layer lives on. They must mount again after such an
     * unmount (the same container started once more). By default, {@link #mounts}.
     */
    default List<Mount> disposableMounts(SnapshotKey key) {
        return mounts(key);
    }

    /** Turns the active snapshot {@code active} into the committed snapshot {@code name}, atomically. */
    void commit(SnapshotKey name, SnapshotKey active);

    /** Removes a snapshot; a committed one that is still a parent is refused (FailedPrecondition). */
    void remove(SnapshotKey key);

    SnapshotInfo stat(SnapshotKey key);

    Usage usage(SnapshotKey key);

    void walk(Consumer<SnapshotInfo> visitor);

    /**
     * Writes a layer's entries into an active snapshot's own layer, without mounting it. Returns
     * when the reader is exhausted; entries arrive sanitised (relative, normalised paths).
     */
    void apply(SnapshotKey active, LayerReader layer) throws IOException;

    /**
     * Emits the changes of an active or committed snapshot against its parent, whiteouts in
     * neutral form: for a committed snapshot, the entries of its layer (what export and commit
     * read without mounting anything).
     */
    void diff(SnapshotKey key, LayerWriter out) throws IOException;
}
