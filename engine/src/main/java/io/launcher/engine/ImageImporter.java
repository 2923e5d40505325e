package io.launcher.engine;

import io.launcher.api.Digest;
import io.launcher.api.ImageConfig;
import io.launcher.api.ImageId;
import io.launcher.api.ImportRequest;
import io.launcher.api.ProgressListener;
import io.launcher.layer.ObservedInputStream;
import io.launcher.layer.TarLayerReader;
import io.launcher.layer.WriteMeter;
import io.launcher.spi.storage.SnapshotKey;
import io.launcher.spi.storage.StorageDriver;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code import}: a rootfs tarball becomes a one-layer image. The layer is applied into a
 * temporary active snapshot and committed under its chain id only once whole, so a killed engine
 * leaves at most an {@code import-} snapshot that {@link StoreRecovery} removes.
 */
final class ImageImporter {
    static final String TEMP_PREFIX = "import-";

    private final StorageDriver storage;
    private final LayerStore layers;
    private final ImageStore images;
    private final DiskReserve reserve;

    ImageImporter(StorageDriver storage, LayerStore layers, ImageStore images, DiskReserve reserve) {
        this.storage = storage;
        this.layers = layers;
        this.images = images;
        this.reserve = reserve;
    }

    ImageId importTarball(InputStream tarball, ImportRequest request, ProgressListener progress) {
        ImageConfig config = DockerfileChanges.apply(ImageConfig.EMPTY, request.changes());
        LayerRecord layer = applyLayer(new CountingStream(tarball, progress));
        Instant now = Instant.now();
        ImageConfigDocument document = new ImageConfigDocument(now, "", request.message(), config,
                List.of(Digest.parse(layer.diffId())),
                List.of(new ImageConfigDocument.HistoryEntry(now, "launcher import", request.message(), false)));
        ImageId id = images.put(document);
        request.tag().ifPresent(tag -> images.tags().tag(tag, id));
        return id;
    }

    private LayerRecord applyLayer(InputStream tarball) {
        WriteMeter meter = reserve.meter();
        SnapshotKey temp = new SnapshotKey(TEMP_PREFIX + UUID.randomUUID());
        storage.prepare(temp, Optional.empty());
        try (SplitRecording split = new SplitRecording(layers)) {
            TarLayerReader reader = new TarLayerReader(tarball, split.out(), meter);
            storage.apply(temp, reader);
            Digest diffId = reader.diffId();
            Optional<LayerRecord> existing = layers.find(diffId);
            if (existing.isPresent()) {
                storage.remove(temp);
                return existing.get();
            }
            storage.commit(LayerStore.snapshotOf(diffId), temp);
            split.keep(diffId, reader);
            LayerRecord record = new LayerRecord(diffId.toString(), diffId.toString(), "", reader.uncompressedSize());
            layers.put(record);
            return record;
        } catch (IOException | RuntimeException e) {
            throw TempSnapshots.abandon(storage, temp, e, "unable to import the tarball");
        }
    }

    /** Reports the compressed bytes read so far. */
    private static final class CountingStream extends ObservedInputStream {
        private final ProgressListener progress;
        private long count;
        private long reported;

        CountingStream(InputStream in, ProgressListener progress) {
            super(in);
            this.progress = progress;
        }

        @Override
        protected void observe(byte[] buffer, int offset, int length) {
            count += length;
            if (count - reported >= 1 << 20) {
                reported = count;
                progress.progress("Importing", count, -1);
            }
        }
    }
}
