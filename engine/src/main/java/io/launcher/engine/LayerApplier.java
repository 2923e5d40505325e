package io.launcher.engine;

import io.launcher.api.Digest;
import io.launcher.api.FailedPreconditionException;
import io.launcher.layer.TarLayerReader;
import io.launcher.layer.WriteMeter;
import io.launcher.spi.storage.SnapshotKey;
import io.launcher.spi.storage.StorageDriver;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;

/**
 * Applies a downloaded layer blob on its parent's chain: into a temporary active snapshot, whose
 * diff id must be the one the image config names, committed under its chain id only once whole.
 * A killed engine leaves at most a {@code pull-} snapshot, which {@link StoreRecovery} removes.
 */
final class LayerApplier {
    static final String TEMP_PREFIX = "pull-";

    private final StorageDriver storage;
    private final LayerStore layers;
    private final DiskReserve reserve;

    LayerApplier(StorageDriver storage, LayerStore layers, DiskReserve reserve) {
        this.storage = storage;
        this.layers = layers;
        this.reserve = reserve;
    }

    /** Applies {@code blob} (gzip, zstd or plain tar) as the layer {@code diffId} over {@code parentChain}. */
    synchronized LayerRecord apply(Path blob, Digest diffId, Optional<Digest> parentChain) {
        Digest chainId = Sha256.chain(parentChain.orElse(null), diffId);
        Optional<LayerRecord> existing = layers.find(chainId);
        if (existing.isPresent()) {
            return existing.get();
        }
        WriteMeter meter = reserve.meter();
        SnapshotKey temp = new SnapshotKey(TEMP_PREFIX + UUID.randomUUID());
        storage.prepare(temp, parentChain.map(LayerStore::snapshotOf));
        try (SplitRecording split = new SplitRecording(layers); InputStream in = Files.newInputStream(blob);
             TarLayerReader reader = new TarLayerReader(in, split.out(), meter)) {
            storage.apply(temp, reader);
            if (!reader.diffId().equals(diffId)) {
                throw new FailedPreconditionException("layer verification failed: the layer's content is "
                        + reader.diffId() + ", the image config says " + diffId);
            }
            storage.commit(LayerStore.snapshotOf(chainId), temp);
            split.keep(chainId, reader);
            LayerRecord record = new LayerRecord(diffId.toString(), chainId.toString(),
                    parentChain.map(Digest::toString).orElse(""), reader.uncompressedSize());
            layers.put(record);
            return record;
        } catch (IOException | RuntimeException e) {
            throw TempSnapshots.abandon(storage, temp, e, "unable to apply layer " + diffId);
        }
    }
}
