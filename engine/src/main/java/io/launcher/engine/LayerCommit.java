package io.launcher.engine;

import io.launcher.api.Digest;
import io.launcher.api.InternalException;
import io.launcher.api.LauncherException;
import io.launcher.layer.TarLayerReader;
import io.launcher.layer.TarLayerWriter;
import io.launcher.spi.storage.SnapshotKey;
import io.launcher.spi.storage.StorageDriver;
import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Turns a container's layer into a committed layer on top of its image's: the driver's diff is
 * written as a layer tar (which gives the diff id) into a pipe, read back through the hostile-tar
 * checks and applied into a {@code commit-} snapshot prepared on the image's top layer, which is
 * committed under the new chain id once whole. A killed engine leaves at most that temporary
 * snapshot, which {@link StoreRecovery} removes.
 */
final class LayerCommit {
    static final String TEMP_PREFIX = "commit-";
    private static final int PIPE_BYTES = 1 << 20;

    private final StorageDriver storage;
    private final LayerStore layers;
    private final Object storeLock;

    LayerCommit(StorageDriver storage, LayerStore layers, Object storeLock) {
        this.storage = storage;
        this.layers = layers;
        this.storeLock = storeLock;
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
            LauncherException failure = e instanceof LauncherException le ? le
                    : new InternalException("unable to commit the layer of " + container + ": " + e.getMessage(), e);
            try {
                storage.remove(temp);
            } catch (RuntimeException cleanup) {
                failure.addSuppressed(cleanup);
            }
            throw failure;
        }
    }

    /** Streams the diff through a tar into the new snapshot; returns the finished tar writer. */
    private TarLayerWriter copy(SnapshotKey container, SnapshotKey temp) throws IOException {
        PipedInputStream in = new PipedInputStream(PIPE_BYTES);
        OutputStream pipe = new BufferedOutputStream(new WakingPipe(new PipedOutputStream(in)), 1 << 16);
        TarLayerWriter tar = new TarLayerWriter(pipe);
        AtomicReference<Exception> writeFailure = new AtomicReference<>();
        Thread writer = new Thread(() -> {
            try (pipe) {
                storage.diff(container, tar);
                tar.finish();
            } catch (IOException | RuntimeException e) {
                writeFailure.set(e);
            }
        }, "commit-diff-" + container);
        writer.setDaemon(true);
        writer.start();
        try (InputStream layer = in) {
            TarLayerReader reader = new TarLayerReader(layer);
            storage.apply(temp, reader);
            layer.transferTo(OutputStream.nullOutputStream());
        } finally {
            // Closing the read end first unblocks a writer stuck on a full pipe after a failed apply.
            join(writer);
        }
        if (writeFailure.get() != null) {
            throw new IOException("unable to read the layer of " + container + ": " + writeFailure.get().getMessage(),
                    writeFailure.get());
        }
        return tar;
    }

    /**
     * A pipe whose reader wakes at once: PipedInputStream is only notified on flush or a full
     * buffer and otherwise polls once a second, which would make a small commit take a second.
     */
    private static final class WakingPipe extends FilterOutputStream {
        WakingPipe(PipedOutputStream pipe) {
            super(pipe);
        }

        @Override
        public void write(byte[] buffer, int offset, int length) throws IOException {
            out.write(buffer, offset, length);
            out.flush();
        }
    }

    private static void join(Thread writer) throws IOException {
        try {
            writer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while committing", e);
        }
    }
}
