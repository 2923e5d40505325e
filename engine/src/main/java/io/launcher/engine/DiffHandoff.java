package io.launcher.engine;

import io.launcher.layer.ObservedInputStream;
import io.launcher.layer.TarLayerWriter;
import io.launcher.spi.storage.FileContent;
import io.launcher.spi.storage.LayerEntry;
import io.launcher.spi.storage.LayerReader;
import io.launcher.spi.storage.SnapshotKey;
import io.launcher.spi.storage.StorageDriver;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.Optional;

/**
 * A snapshot's diff as a {@link LayerReader}, for a commit: the driver's diff pushes entries, its
 * apply pulls them, so the diff runs on its own thread and hands each entry over (one at a time,
 * its content stream still open) instead of encoding a tar into a pipe and decoding it again.
 * The same entries are written to a {@link TarLayerWriter} that only digests, which gives the diff
 * id. A file the driver read from disk ({@link FileContent}) is copied by the kernel on the apply's
 * thread while this thread hashes it from the same open file, when the container is frozen or
 * stopped so that both see the same bytes; any other content, and every file of a container
 * committed while it runs ({@code --pause=false}), is hashed as the apply reads it.
 *
 * <p>Character and block devices are left out of both, as a layer tar read back would drop them.
 */
final class DiffHandoff implements LayerReader, AutoCloseable {
    private final TarLayerWriter tar;
    private final Thread thread;
    private final boolean stable;
    private byte[] buffer;
    private LayerEntry offered;
    private boolean taken = true;
    private boolean ended;
    private boolean abandoned;
    private Exception failure;

    private DiffHandoff(StorageDriver storage, SnapshotKey key, TarLayerWriter tar, boolean stable) {
        this.tar = tar;
        this.stable = stable;
        this.thread = new Thread(() -> run(storage, key), "commit-diff-" + key);
        thread.setDaemon(true);
    }

    /** Starts reading {@code key}'s diff (whose files nothing writes, if {@code stable}); entries come from {@link #next()}. */
    static DiffHandoff start(StorageDriver storage, SnapshotKey key, TarLayerWriter tar, boolean stable) {
        DiffHandoff handoff = new DiffHandoff(storage, key, tar, stable);
        handoff.thread.start();
        return handoff;
    }

    private void run(StorageDriver storage, SnapshotKey key) {
        try {
            storage.diff(key, this::offer);
            tar.finish();
        } catch (IOException | RuntimeException e) {
            synchronized (this) {
                failure = e;
            }
        }
        synchronized (this) {
            ended = true;
            notifyAll();
        }
    }

    /** On the diff thread: digests the entry's tar form, hands it over, waits until it is used. */
    private void offer(LayerEntry entry) throws IOException {
        if (entry instanceof LayerEntry.Special s && s.type() != LayerEntry.SpecialType.FIFO) {
            return;
        }
        if (!(entry instanceof LayerEntry.RegularFile file)) {
            tar.write(entry);
            handOver(entry);
            return;
        }
        if (stable && file.content() instanceof FileContent content) {
            // The apply has the kernel copy the file while this thread digests it from the same
            // open file by positioned reads: two cores, and no copy of the bytes through the heap.
            try (OutputStream digest = tar.begin(file)) {
                offered(entry);
                digest(content.channel(), file.size(), digest);
                released();
            }
            return;
        }
        try (OutputStream digest = tar.begin(file); InputStream content = new Tee(file.content(), file.size(), digest)) {
            handOver(new LayerEntry.RegularFile(file.path(), file.attributes(), file.size(), content));
            // What the apply left unread still belongs to the tar.
            content.transferTo(OutputStream.nullOutputStream());
        }
    }

    /** Reads {@code size} bytes of the file (fewer if it ends first) into the digesting entry. */
    private void digest(FileChannel file, long size, OutputStream digest) throws IOException {
        if (buffer == null) {
            buffer = new byte[1 << 18];
        }
        ByteBuffer bytes = ByteBuffer.wrap(buffer);
        for (long position = 0; position < size; ) {
            bytes.clear().limit((int) Math.min(buffer.length, size - position));
            int n = file.read(bytes, position);
            if (n < 0) {
                return;
            }
            digest.write(buffer, 0, n);
            position += n;
        }
    }

    private void handOver(LayerEntry entry) throws IOException {
        offered(entry);
        released();
    }

    private synchronized void offered(LayerEntry entry) {
        offered = entry;
        taken = false;
        notifyAll();
    }

    /** Waits until the apply took the entry and moved on to the next. */
    private synchronized void released() throws IOException {
        try {
            while (!taken && !abandoned) {
                wait();
            }
            // The reader has moved on: the entry's content is no longer read on its thread.
            while (offered != null && !abandoned) {
                wait();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while committing");
        }
        if (abandoned) {
            throw new IOException("commit abandoned");
        }
    }

    /** On the apply thread: releases the previous entry, then waits for the next or the end. */
    @Override
    public synchronized Optional<LayerEntry> next() throws IOException {
        if (taken) {
            offered = null;
            notifyAll();
        }
        try {
            while (taken && !ended) {
                wait();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while committing");
        }
        if (!taken) {
            taken = true;
            notifyAll();
            return Optional.of(offered);
        }
        if (failure != null) {
            throw new IOException("unable to read the layer: " + failure.getMessage(), failure);
        }
        return Optional.empty();
    }

    @Override
    public void close() throws IOException {
        synchronized (this) {
            abandoned = !ended;
            offered = null;
            notifyAll();
        }
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while committing");
        }
    }

    /**
     * Passes every byte read on to the digesting tar entry, up to the size its header declares: a
     * file the running container appends to meanwhile ({@code --pause=false}) is committed as it
     * was when the diff looked at it, in the layer and in its tar form alike.
     */
    private static final class Tee extends ObservedInputStream {
        private final OutputStream copy;
        private long left;

        Tee(InputStream in, long size, OutputStream copy) {
            super(in);
            this.copy = copy;
            this.left = size;
        }

        @Override
        protected void observe(byte[] buffer, int offset, int length) throws IOException {
            copy.write(buffer, offset, length);
            left -= length;
        }

        @Override
        public int read() throws IOException {
            return left == 0 ? -1 : super.read();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (left == 0) {
                return length == 0 ? 0 : -1;
            }
            return super.read(buffer, offset, (int) Math.min(length, left));
        }
    }
}
