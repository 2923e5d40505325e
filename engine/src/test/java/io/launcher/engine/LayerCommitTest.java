package io.launcher.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.launcher.api.Digest;
import io.launcher.layer.TarLayerWriter;
import io.launcher.layer.WriteMeter;
import io.launcher.spi.BackendContext;
import io.launcher.spi.storage.FileAttributes;
import io.launcher.spi.storage.LayerEntry;
import io.launcher.spi.storage.SnapshotKey;
import io.launcher.spi.storage.StorageDriver;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/** The commit's one-pass copy gives the layer and diff id a tar round trip would. */
class LayerCommitTest {
    @TempDir
    Path dir;

    /** {@code stable}: the kernel copies files beside the digest; otherwise both read one stream (--pause=false). */
    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void committedLayerHasTheDiffIdOfItsTarAndTheSameContent(boolean stable) throws IOException {
        StorageDriver storage = new DirectoryStorage().open(new BackendContext(dir.resolve("storage")));
        LayerStore layers = new LayerStore(dir.resolve("layers"));
        SnapshotKey container = new SnapshotKey("c1");
        storage.prepare(container, Optional.empty());
        byte[] big = new byte[3 << 20];
        new Random(7).nextBytes(big);
        FileAttributes attrs = new FileAttributes(0644, 0, 0, Instant.ofEpochSecond(1_700_000_000, 5), Map.of());
        List<LayerEntry> entries = List.of(
                new LayerEntry.Directory("etc", new FileAttributes(0755, 0, 0, Instant.ofEpochSecond(1_700_000_000), Map.of())),
                new LayerEntry.RegularFile("etc/empty", attrs, 0, new ByteArrayInputStream(new byte[0])),
                new LayerEntry.RegularFile("etc/big", attrs, big.length, new ByteArrayInputStream(big)),
                new LayerEntry.Symlink("link", attrs, "etc/big"),
                new LayerEntry.Hardlink("etc/again", "etc/big"),
                new LayerEntry.Whiteout("gone"));
        var iterator = entries.iterator();
        storage.apply(container, () -> iterator.hasNext() ? Optional.of(iterator.next()) : Optional.empty());
        Digest expected = diffId(storage, container);

        LayerRecord record = new LayerCommit(storage, layers, new Object(), WriteMeter.NONE, stable).commit(container, Optional.empty());

        assertEquals(expected.toString(), record.diffId());
        assertEquals(expected, diffId(storage, LayerStore.snapshotOf(Digest.parse(record.chainId()))));
        assertArrayEquals(tar(storage, container), tar(storage, LayerStore.snapshotOf(Digest.parse(record.chainId()))));
        assertFalse(storage.stat(LayerStore.snapshotOf(Digest.parse(record.chainId()))).parent().isPresent());
        // Committing again finds the same layer and leaves no temporary snapshot behind.
        assertEquals(record, new LayerCommit(storage, layers, new Object(), WriteMeter.NONE, stable).commit(container, Optional.empty()));
        List<String> keys = new java.util.ArrayList<>();
        storage.walk(info -> keys.add(info.key().value()));
        assertEquals(2, keys.size(), keys.toString());
    }

    private static Digest diffId(StorageDriver storage, SnapshotKey key) throws IOException {
        TarLayerWriter writer = new TarLayerWriter(new ByteArrayOutputStream());
        storage.diff(key, writer);
        writer.finish();
        return writer.diffId();
    }

    private static byte[] tar(StorageDriver storage, SnapshotKey key) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TarLayerWriter writer = new TarLayerWriter(out);
        storage.diff(key, writer);
        writer.finish();
        return out.toByteArray();
    }
}
