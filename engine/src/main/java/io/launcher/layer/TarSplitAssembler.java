package io.launcher.layer;

import io.launcher.api.Digest;
import io.launcher.spi.storage.LayerEntry;
import io.launcher.spi.storage.LayerWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Rebuilds a layer's original tar stream from its tar-split record and its files, as the storage
 * driver's {@code diff} emits them (sorted by path, not in the tar's order). A file arriving just
 * when the record needs it is copied straight through; one arriving early is spooled into a
 * temporary file until its turn, so a tar written in directory order costs one extra copy and a
 * sorted one none. {@link #finish()} tells whether every file was there with its recorded size;
 * the caller then compares {@link #diffId()} with the layer's before using the bytes.
 */
public final class TarSplitAssembler implements LayerWriter, AutoCloseable {
    private final TarSplitRecord.Reader record;
    private final Map<String, Long> needed;
    private final Set<String> linked;
    private final Sha256OutputStream out;
    private final Path spoolFile;
    private final FileChannel spool;
    private final WriteMeter spoolMeter;
    private final Map<String, Slot> spooled = new HashMap<>();
    private final Map<String, String> links = new HashMap<>();
    private final byte[] buffer = new byte[1 << 16];
    private TarSplitRecord.File waiting;
    private boolean broken;

    private record Slot(long offset, long size) {
    }

    /** What a record needs from the layer: its regular files with their sizes, and its hard links' names. */
    public record Needs(Map<String, Long> files, Set<String> linked) {
        public Needs {
            files = Map.copyOf(files);
            linked = Set.copyOf(linked);
        }
    }

    /**
     * @param needs    what the record names, from a first read of it ({@link #needs})
     * @param record   the record, read a second time, now to write
     * @param spoolDir where files that arrive before their turn wait
     */
    public TarSplitAssembler(Needs needs, TarSplitRecord.Reader record, OutputStream out, Path spoolDir)
            throws IOException {
        this(needs, record, out, spoolDir, WriteMeter.NONE);
    }

    /** As above, showing every byte spooled to {@code spoolMeter} (which may stop it) before it is written. */
    public TarSplitAssembler(Needs needs, TarSplitRecord.Reader record, OutputStream out, Path spoolDir,
                             WriteMeter spoolMeter) throws IOException {
        this.spoolMeter = spoolMeter;
        this.needed = needs.files();
        this.linked = needs.linked();
        this.record = record;
        this.out = new Sha256OutputStream(out);
        this.spoolFile = Files.createTempFile(spoolDir, "split-", ".spool");
        this.spool = FileChannel.open(spoolFile, StandardOpenOption.READ, StandardOpenOption.WRITE);
        advance();
    }

    /** What a record needs; empty when it names a path twice with two sizes (it cannot be assembled). */
    public static Optional<Needs> needs(TarSplitRecord.Reader record) throws IOException {
        Map<String, Long> files = new HashMap<>();
        Set<String> linked = new HashSet<>();
        for (Optional<TarSplitRecord.Segment> s = record.next(); s.isPresent(); s = record.next()) {
            if (s.get() instanceof TarSplitRecord.File f && f.size() > 0) {
                Long before = files.put(f.path(), f.size());
                if (before != null && before != f.size()) {
                    return Optional.empty();
                }
            } else if (s.get() instanceof TarSplitRecord.Link l) {
                linked.add(l.path());
            }
        }
        return Optional.of(new Needs(files, linked));
    }

    @Override
    public void write(LayerEntry entry) throws IOException {
        String path = pathOf(entry);
        if (broken || waiting == null || !needed.containsKey(path) && !linked.contains(path)) {
            return;
        }
        if (entry instanceof LayerEntry.RegularFile file) {
            if (waiting != null && waiting.path().equals(file.path()) && waiting.size() == file.size()) {
                copy(file.content(), file.size());
                waiting = null;
                advance();
            } else if (Long.valueOf(file.size()).equals(needed.get(file.path())) || linked.contains(file.path())) {
                spool(file);
            }
        } else if (entry instanceof LayerEntry.Hardlink link) {
            links.put(link.path(), link.target());
            if (waiting != null && waiting.path().equals(link.path())) {
                advance();
            }
        }
    }

    /** Writes what is left; false when a file the record names is missing or has another size. */
    public boolean finish() throws IOException {
        if (!broken) {
            advance();
        }
        out.flush();
        return !broken && waiting == null;
    }

    /** The sha256 of the bytes written: to compare with the layer's diff id. */
    public Digest diffId() {
        return out.digest();
    }

    /** Writes record segments until a file that has not arrived yet. */
    private void advance() throws IOException {
        if (waiting != null && !fromSpool(waiting)) {
            return;
        }
        waiting = null;
        for (Optional<TarSplitRecord.Segment> s = record.next(); s.isPresent(); s = record.next()) {
            if (s.get() instanceof TarSplitRecord.Raw raw) {
                out.write(raw.bytes());
            } else if (s.get() instanceof TarSplitRecord.File file && file.size() > 0 && !fromSpool(file)) {
                waiting = file;
                return;
            }
        }
    }

    private boolean fromSpool(TarSplitRecord.File file) throws IOException {
        Slot slot = spooled.get(file.path());
        if (slot == null && links.containsKey(file.path())) {
            slot = spooled.get(links.get(file.path()));
        }
        if (slot == null || slot.size() != file.size()) {
            return false;
        }
        long position = slot.offset();
        long end = position + slot.size();
        while (position < end) {
            int n = spool.read(ByteBuffer.wrap(buffer, 0, (int) Math.min(buffer.length, end - position)), position);
            if (n < 0) {
                throw new IOException("the tar-split spool " + spoolFile + " ended early");
            }
            out.write(buffer, 0, n);
            position += n;
        }
        return true;
    }

    private void spool(LayerEntry.RegularFile file) throws IOException {
        long offset = spool.size();
        long copied = 0;
        while (copied < file.size()) {
            int n = file.content().read(buffer, 0, (int) Math.min(buffer.length, file.size() - copied));
            if (n < 0) {
                break;
            }
            spoolMeter.passed(n);
            ByteBuffer bytes = ByteBuffer.wrap(buffer, 0, n);
            while (bytes.hasRemaining()) {
                spool.write(bytes, offset + copied + bytes.position());
            }
            copied += n;
        }
        if (copied != file.size()) {
            broken = true;
            return;
        }
        spooled.put(file.path(), new Slot(offset, file.size()));
    }

    private void copy(InputStream content, long size) throws IOException {
        long copied = 0;
        while (copied < size) {
            int n = content.read(buffer, 0, (int) Math.min(buffer.length, size - copied));
            if (n < 0) {
                break;
            }
            out.write(buffer, 0, n);
            copied += n;
        }
        if (copied != size) {
            // The file shrank under us: the bytes already out are wrong, the caller re-serialises.
            broken = true;
        }
    }

    private static String pathOf(LayerEntry entry) {
        if (entry instanceof LayerEntry.RegularFile f) {
            return f.path();
        }
        return entry instanceof LayerEntry.Hardlink h ? h.path() : "";
    }

    @Override
    public void close() throws IOException {
        try {
            spool.close();
        } finally {
            Files.deleteIfExists(spoolFile);
        }
    }
}
