package io.launcher.engine;

import io.launcher.api.Digest;
import io.launcher.api.InternalException;
import io.launcher.spi.storage.SnapshotKey;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The engine's metadata of committed layers, one file a layer under {@code layers/}. The storage
 * driver holds the content as the committed snapshot named by the chain id's hex. Beside a
 * layer's file may lie its tar-split record ({@code <hex>.split.gz}), which gives back the
 * layer's original tar; a layer without one is whole too, its tar is then re-serialised.
 */
final class LayerStore {
    private static final String SPLIT = ".split.gz";

    private final Path dir;

    LayerStore(Path dir) throws IOException {
        this.dir = dir;
        Files.createDirectories(dir);
        AtomicFiles.removeLeftovers(dir);
        removeOrphanSplits();
    }

    /** A record kept just before a crash that lost its layer's file belongs to no layer. */
    private void removeOrphanSplits() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path split : files.filter(f -> f.getFileName().toString().endsWith(SPLIT)).toList()) {
                String hex = split.getFileName().toString().replace(SPLIT, "");
                if (!Files.exists(dir.resolve(hex + ".json"))) {
                    Files.deleteIfExists(split);
                }
            }
        }
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

    /** The layer's tar-split record (gzip), if its tar was recorded when it was stored. */
    Optional<Path> split(Digest chainId) {
        Path file = splitFile(chainId);
        return Files.exists(file) ? Optional.of(file) : Optional.empty();
    }

    /** A file to record a tar-split into: kept by {@link #keepSplit}, else removed at the next start. */
    Path newSplitFile() throws IOException {
        return Files.createTempFile(dir, ".tmp-split-", ".gz");
    }

    /** Keeps a whole record written into {@code recorded} for the layer; put before the layer's own file. */
    void keepSplit(Digest chainId, Path recorded) throws IOException {
        try (FileChannel channel = FileChannel.open(recorded, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        Files.move(recorded, splitFile(chainId), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        AtomicFiles.syncDirectory(dir);
    }

    private Path splitFile(Digest chainId) {
        return dir.resolve(chainId.hex() + SPLIT);
    }

    /** Forgets a layer; its snapshot, no longer owned, is removed next (or by recovery after a crash). */
    void remove(Digest chainId) {
        try {
            Files.deleteIfExists(dir.resolve(chainId.hex() + ".json"));
            Files.deleteIfExists(splitFile(chainId));
        } catch (IOException e) {
            throw new InternalException("unable to remove layer " + chainId + ": " + e.getMessage(), e);
        }
    }

    List<LayerRecord> all() {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".json"))
                    .map(f -> StoreJson.read(f, LayerRecord.class)).toList();
        } catch (IOException e) {
            throw new InternalException("unable to list layers in " + dir + ": " + e.getMessage(), e);
        }
    }

    boolean knows(SnapshotKey key) {
        return Files.exists(dir.resolve(key.value() + ".json"));
    }
}
