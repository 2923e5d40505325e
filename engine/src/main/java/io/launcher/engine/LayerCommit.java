package io.launcher.engine;

import io.launcher.api.Digest;
import io.launcher.layer.TarLayerWriter;
import io.launcher.layer.MeteredInputStream;
import io.launcher.layer.WriteMeter;
import io.launcher.spi.storage.LayerEntry;
import io.launcher.spi.storage.SnapshotKey;
import io.launcher.spi.storage.StorageDriver;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Optional;
import java.util.UUID;

/**
 * Turns a container's layer into a committed layer on top of its image's: the driver's diff is
 * applied entry by entry into a {@code commit-} snapshot prepared on the image's top layer (the
 * bytes of each file read once and written once), its tar form digested on the way for the diff
 * id ({@link DiffHandoff}); the snapshot is committed under the new chain id once whole. A killed engine leaves at most that temporary
 * snapshot, which {@link StoreRecovery} removes.
 */
final class LayerCommit {
    static final String TEMP_PREFIX = "commit-";

    private final StorageDriver storage;
    private final LayerStore layers;
    private final Object storeLock;
    private final WriteMeter meter;
    private final boolean stable;

    /**
     * {@code meter} sees the bytes of the container's files as they are copied (a container may
     * fill its layer); {@code stable} says that nothing writes them meanwhile (see {@link DiffHandoff}).
     */
    LayerCommit(StorageDriver storage, LayerStore layers, Object storeLock, WriteMeter meter, boolean stable) {
        this.storage = storage;
        this.layers = layers;
        this.storeLock = storeLock;
        this.meter = meter;
        this.stable = stable;
    }

    LayerRecord commit(SnapshotKey container, Optional<Digest> parentChain) {
        SnapshotKey temp = new SnapshotKey(TEMP_PREFIX + UUID.randomUUID());
        storage.prepare(temp, parentChain.map(LayerStore::snapshotOf));
        try {
            TarLayerWriter tar = copy(container, temp);
            Digest diffId = tar.diffId();
            Digest chainId = Sha256.chain(parentChain.orElse(null), diffId);
            synchronized (storeLock) {
                Optional<LayerRecord> existing = layers.find(chainId);
                if (existing.isPresent()) {
                    storage.remove(temp);
                    return existing.get();
                }
                storage.commit(LayerStore.snapshotOf(chainId), temp);
                LayerRecord record = new LayerRecord(diffId.toString(), chainId.toString(),
                        parentChain.map(Digest::toString).orElse(""), tar.size());
                layers.put(record);
                return record;
            }
        } catch (IOException | RuntimeException e) {
            throw TempSnapshots.abandon(storage, temp, e, "unable to commit the layer of " + container);
        }
    }

    /**
     * The meter is told a file's size before it is written when nothing writes the container
     * (its size is then what will be copied, and the apply can still have the kernel copy it:
     * LayerApply, FileContent); otherwise it counts the bytes as they pass through the heap.
     */
    private LayerEntry metered(LayerEntry entry) {
        if (entry instanceof LayerEntry.RegularFile f) {
            if (stable) {
                meter.before(f.size());
            } else {
                return new LayerEntry.RegularFile(f.path(), f.attributes(), f.size(), new MeteredInputStream(f.content(), meter));
            }
        }
        return entry;
    }

    /** Applies the container's diff into the new snapshot while digesting its tar form. */
    private TarLayerWriter copy(SnapshotKey container, SnapshotKey temp) throws IOException {
        TarLayerWriter tar = new TarLayerWriter(OutputStream.nullOutputStream());
        try (DiffHandoff diff = DiffHandoff.start(storage, container, tar, stable)) {
            storage.apply(temp, () -> diff.next().map(this::metered));
            // The apply stops at the end of the entries; the tar has ended just before.
            if (diff.next().isPresent()) {
                throw new IOException("the layer of " + container + " was not applied whole");
            }
        }
        return tar;
    }
}
