package io.launcher.engine;

import io.launcher.api.Digest;
import io.launcher.api.NotFoundException;
import io.launcher.layer.TarLayerWriter;
import io.launcher.layer.TarSplitAssembler;
import io.launcher.layer.TarSplitRecord;
import io.launcher.layer.WriteMeter;
import io.launcher.spi.storage.SnapshotKey;
import io.launcher.spi.storage.StorageDriver;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * A stored layer as a tar again, for save and push: its original bytes when the layer has a
 * tar-split record and they hash to its diff id, else its snapshot re-serialised (a new diff id).
 * The sink is opened anew for the fallback, so a failed reassembly leaves nothing behind.
 */
final class LayerTars {
    private final StorageDriver storage;
    private final LayerStore layers;

    /** Where a layer tar goes; each call starts it afresh (a temporary file truncated, say). */
    @FunctionalInterface
    interface Sink {
        OutputStream open() throws IOException;
    }

    LayerTars(StorageDriver storage, LayerStore layers) {
        this.storage = storage;
        this.layers = layers;
    }

    /**
     * Writes the layer {@code chainId}'s tar into {@code sink} and returns its diff id. The bytes
     * a reassembly spools into {@code tempDir} are shown first to {@code spoolMeter} (the disk
     * reserve), which may stop them; a sink that is a file on the same disk meters itself.
     */
    Digest write(Digest chainId, Path tempDir, WriteMeter spoolMeter, Sink sink) throws IOException {
        SnapshotKey snapshot = LayerStore.snapshotOf(chainId);
        Optional<Path> split = layers.split(chainId);
        if (split.isPresent()) {
            Digest diffId = Digest.parse(layers.find(chainId)
                    .orElseThrow(() -> new NotFoundException("no such layer: " + chainId)).diffId());
            if (original(snapshot, split.get(), diffId, tempDir, spoolMeter, sink)) {
                return diffId;
            }
        }
        TarLayerWriter writer;
        try (OutputStream out = sink.open()) {
            writer = new TarLayerWriter(out);
            storage.diff(snapshot, writer);
            writer.finish();
        }
        return writer.diffId();
    }

    /** Whether the original tar was rebuilt: every file in place with its size, the right digest. */
    private boolean original(SnapshotKey snapshot, Path split, Digest diffId, Path tempDir,
                             WriteMeter spoolMeter, Sink sink) throws IOException {
        Optional<TarSplitAssembler.Needs> needs;
        try (InputStream in = open(split)) {
            needs = TarSplitAssembler.needs(new TarSplitRecord.Reader(in));
        } catch (IOException e) {
            // A damaged record: the snapshot is the truth, re-serialise it.
            return false;
        }
        if (needs.isEmpty()) {
            return false;
        }
        try (InputStream in = open(split); OutputStream out = sink.open();
             TarSplitAssembler assembler = new TarSplitAssembler(needs.get(), new TarSplitRecord.Reader(in), out,
                     Files.createDirectories(tempDir), spoolMeter)) {
            storage.diff(snapshot, assembler);
            return assembler.finish() && assembler.diffId().equals(diffId);
        }
    }

    private static InputStream open(Path split) throws IOException {
        return new GZIPInputStream(new BufferedInputStream(Files.newInputStream(split), 1 << 16), 1 << 16);
    }
}
