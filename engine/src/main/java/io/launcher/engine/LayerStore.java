package io.launcher.engine;

import io.launcher.api.Digest;
import io.launcher.spi.storage.SnapshotKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The engine's metadata of committed layers, one file a layer under {@code layers/}. The storage
 * driver holds the content as the committed snapshot named by the chain id's hex.
 */
final class LayerStore {
    private final Path dir;

    LayerStore(Path dir) throws IOException {
        this.dir = dir;
        Files.createDirectories(dir);
        AtomicFiles.removeLeftovers(dir);
    }

    static SnapshotKey snapshotOf(Digest chainId) {
        return new SnapshotKey(chainId.hex());
    }

    Optional<LayerRecord> find(Digest chainId) {
        Path file = dir.resolve(chainId.hex() + ".json");
        return Files.exists(file) ? Optional.of(StoreJson.read(file, LayerRecord.class)) : Optional.empty();
    }

    void put(LayerRecord record) {
        StoreJson.write(dir.resolve(Digest.parse(record.chainId()).hex() + ".json"), record);
    }

    boolean knows(SnapshotKey key) {
        return Files.exists(dir.resolve(key.value() + ".json"));
    }
}
