package io.launcher.engine;

import io.launcher.api.Digest;
import io.launcher.layer.TarLayerReader;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * The tar-split record of a layer being stored, in a temporary file of the layer store. Recording
 * is best effort: a record that could not be written is dropped and the layer stays valid (its
 * tar is then re-serialised when saved or pushed).
 */
final class SplitRecording implements AutoCloseable {
    private final LayerStore layers;
    private final Path file;
    private final OutputStream out;
    private boolean closed;

    SplitRecording(LayerStore layers) throws IOException {
        this.layers = layers;
        this.file = layers.newSplitFile();
        this.out = new FastGzip(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
    }

    OutputStream out() {
        return out;
    }

    /** Keeps the record for the layer {@code chainId} when {@code reader} recorded it whole. */
    void keep(Digest chainId, TarLayerReader reader) {
        try {
            closed = true;
            out.close();
            if (reader.splitRecorded()) {
                layers.keepSplit(chainId, file);
            }
        } catch (IOException e) {
            // Without its record the layer is still whole: its tar is re-serialised when needed.
        }
    }

    /**
     * gzip at level 1 (as push does): the record is written on the import's own thread, and
     * level 6 costs several times the CPU for a file of tar headers.
     */
    private static final class FastGzip extends GZIPOutputStream {
        FastGzip(OutputStream out) throws IOException {
            super(out, 1 << 16);
            def.setLevel(Deflater.BEST_SPEED);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            if (!closed) {
                out.close();
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
