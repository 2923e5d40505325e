package io.launcher.layer;

import io.launcher.api.Digest;
import io.launcher.api.InvalidSpecException;
import io.launcher.spi.storage.FileAttributes;
import io.launcher.spi.storage.LayerEntry;
import io.launcher.spi.storage.LayerReader;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Reads a layer tarball (plain, gzip or zstd) as sanitised neutral entries: AUFS-style
 * {@code .wh.} names become whiteouts, names are normalised and may not climb out of the layer,
 * device nodes are dropped (and counted), binary extended attributes are kept byte for byte.
 * Once exhausted it tells the layer's diff id: the sha256 of the uncompressed tar stream.
 */
public final class TarLayerReader implements LayerReader, AutoCloseable {
    /** Larger than any real file in an image; a bigger size field is a hostile or corrupt header. */
    static final long MAX_ENTRY_SIZE = 1L << 40;
    private static final String WHITEOUT = ".wh.";
    private static final String OPAQUE = ".wh..wh..opq";

    private final Sha256InputStream uncompressed;
    private final HeaderRecorder recorder;
    private final TarArchiveInputStream tar;
    private boolean exhausted;
    private boolean inEntry;
    private Map<String, byte[]> pendingXattrs = Map.of();
    private int neutralisedDevices;
    private final TarSplitScanner split;
    private boolean splitRecorded;

    public TarLayerReader(InputStream layer) throws IOException {
        this(layer, null);
    }

    /**
     * A reader that also writes the layer's tar-split record into {@code splitRecord} (best
     * effort: see {@link #splitRecorded()}); the caller closes that stream.
     */
    public TarLayerReader(InputStream layer, OutputStream splitRecord) throws IOException {
        this(layer, splitRecord, WriteMeter.NONE);
    }

    /**
     * As {@link #TarLayerReader(InputStream, OutputStream)}, showing every uncompressed byte to
     * {@code meter} (a bomb is stopped by what it would write, not by what it weighs).
     */
    public TarLayerReader(InputStream layer, OutputStream splitRecord, WriteMeter meter) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(layer, 64 * 1024);
        InputStream decompressed = Compression.detect(buffered).decompress(buffered);
        InputStream plain = meter == WriteMeter.NONE ? decompressed : new MeteredInputStream(decompressed, meter);
        this.split = splitRecord == null ? null : new TarSplitScanner(new TarSplitRecord.Writer(splitRecord));
        this.uncompressed = new Sha256InputStream(split == null ? plain : new SplitTee(plain, split));
        this.recorder = new HeaderRecorder(uncompressed);
        this.tar = new TarArchiveInputStream(recorder);
    }

    @Override
    public Optional<LayerEntry> next() throws IOException {
        while (!exhausted) {
            TarArchiveEntry entry = nextTarEntry();
            if (entry == null) {
                finish();
                return Optional.empty();
            }
            Optional<LayerEntry> converted = convert(entry);
            if (converted.isPresent()) {
                return converted;
            }
        }
        return Optional.empty();
    }

    private TarArchiveEntry nextTarEntry() throws IOException {
        if (inEntry) {
            // Drain the previous entry now, so that the recorder below sees headers only.
            tar.transferTo(OutputStream.nullOutputStream());
        }
        long start = recorder.position();
        recorder.start();
        int firstHeader = (int) ((start + 511) / 512 * 512 - start);
        TarArchiveEntry entry;
        try {
            entry = tar.getNextEntry();
            inEntry = entry != null;
        } catch (IOException | IllegalArgumentException e) {
            throw new InvalidSpecException("invalid layer: " + e.getMessage()
                    + RawXattrs.nameAt(recorder.stop(), firstHeader), e);
        }
        byte[] headers = recorder.stop();
        pendingXattrs = headers.length == 0 ? Map.of() : RawXattrs.find(headers, firstHeader);
        return entry;
    }

    private void finish() throws IOException {
        // The diff id covers the whole uncompressed stream, trailing blocks included.
        uncompressed.transferTo(OutputStream.nullOutputStream());
        exhausted = true;
        splitRecorded = split != null && split.finish();
    }

    private Optional<LayerEntry> convert(TarArchiveEntry entry) {
        String name = entry.getName();
        if (entry.getSize() < 0 || entry.getSize() > MAX_ENTRY_SIZE) {
            throw new InvalidSpecException("refusing layer entry " + LayerPaths.quote(name) + ": size " + entry.getSize());
        }
        if (entry.isSparse()) {
            throw new InvalidSpecException("refusing layer entry " + LayerPaths.quote(name) + ": sparse files are not supported");
        }
        String path = LayerPaths.normalise(name, name);
        if (path.isEmpty()) {
            return Optional.empty();
        }
        String base = LayerPaths.baseName(path);
        if (LayerPaths.parent(path).contains(WHITEOUT + WHITEOUT)) {
            // Inside AUFS's own bookkeeping directories (.wh..wh.plnk): not layer content.
            return Optional.empty();
        }
        if (base.startsWith(WHITEOUT)) {
            return whiteout(path, base, name);
        }
        if (entry.isCharacterDevice() || entry.isBlockDevice()) {
            neutralisedDevices++;
            return Optional.empty();
        }
        return Optional.of(entry(entry, path, name));
    }

    private static Optional<LayerEntry> whiteout(String path, String base, String name) {
        String parent = LayerPaths.parent(path);
        if (base.equals(OPAQUE)) {
            return parent.isEmpty() ? Optional.empty() : Optional.of(new LayerEntry.OpaqueDirectory(parent));
        }
        if (base.startsWith(WHITEOUT + WHITEOUT)) {
            // AUFS's own bookkeeping (.wh..wh.plnk, .wh..wh.aufs): not layer content.
            return Optional.empty();
        }
        String deleted = base.substring(WHITEOUT.length());
        if (deleted.isEmpty() || deleted.equals(".") || deleted.equals("..")) {
            throw new InvalidSpecException("refusing layer entry " + LayerPaths.quote(name) + ": bad whiteout");
        }
        return Optional.of(new LayerEntry.Whiteout(LayerPaths.join(parent, deleted)));
    }

    private LayerEntry entry(TarArchiveEntry entry, String path, String name) {
        FileAttributes attributes = attributes(entry);
        if (entry.isDirectory()) {
            return new LayerEntry.Directory(path, attributes);
        } else if (entry.isSymbolicLink()) {
            return new LayerEntry.Symlink(path, attributes, entry.getLinkName());
        } else if (entry.isLink()) {
            String target = LayerPaths.normalise(entry.getLinkName(), name);
            if (target.isEmpty()) {
                throw new InvalidSpecException("refusing layer entry " + LayerPaths.quote(name) + ": hard link to the root");
            }
            return new LayerEntry.Hardlink(path, target);
        } else if (entry.isFIFO()) {
            return new LayerEntry.Special(path, attributes, LayerEntry.SpecialType.FIFO, 0, 0);
        } else if (entry.isFile()) {
            return new LayerEntry.RegularFile(path, attributes, entry.getSize(), new EntryContent(tar));
        }
        throw new InvalidSpecException("refusing layer entry " + LayerPaths.quote(name)
                + ": unsupported type '" + (char) entry.getLinkFlag() + "'");
    }

    private FileAttributes attributes(TarArchiveEntry entry) {
        Instant modified = entry.getLastModifiedTime() == null ? Instant.EPOCH : entry.getLastModifiedTime().toInstant();
        return new FileAttributes(entry.getMode(), (int) entry.getLongUserId(), (int) entry.getLongGroupId(),
                modified, pendingXattrs);
    }

    /** Character and block devices dropped so far: a layer may not bring host devices into a container. */
    public int neutralisedDevices() {
        return neutralisedDevices;
    }

    /** The sha256 of the uncompressed tar stream; only once {@link #next()} has returned empty. */
    public Digest diffId() {
        requireExhausted();
        return uncompressed.digest();
    }

    /** Whether the tar-split record is complete and exact; only once {@link #next()} has returned empty. */
    public boolean splitRecorded() {
        requireExhausted();
        return splitRecorded;
    }

    public long uncompressedSize() {
        requireExhausted();
        return uncompressed.count();
    }

    private void requireExhausted() {
        if (!exhausted) {
            throw new IllegalStateException("layer not read to its end yet");
        }
    }

    @Override
    public void close() throws IOException {
        tar.close();
    }

    /** Shows the uncompressed stream to the tar-split scanner. */
    private static final class SplitTee extends ObservedInputStream {
        private final TarSplitScanner scanner;

        SplitTee(InputStream in, TarSplitScanner scanner) {
            super(in);
            this.scanner = scanner;
        }

        @Override
        protected void observe(byte[] buffer, int offset, int length) {
            scanner.accept(buffer, offset, length);
        }
    }

    /** One entry's content; closing it leaves the archive open. */
    private static final class EntryContent extends FilterInputStream {
        EntryContent(InputStream tar) {
            super(tar);
        }

        @Override
        public void close() {
            // The archive outlives its entries.
        }
    }
}
