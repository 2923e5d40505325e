package io.launcher.layer;

import io.launcher.api.Digest;
import io.launcher.spi.storage.FileAttributes;
import io.launcher.spi.storage.FileContent;
import io.launcher.spi.storage.LayerEntry;
import io.launcher.spi.storage.LayerWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * Writes neutral entries as an OCI layer tar: POSIX/PAX, deletions as AUFS-style {@code .wh.}
 * files. Each entry's PAX header (long names, sub-second times, extended attributes as
 * {@code SCHILY.xattr.*}) is written here rather than by Commons Compress, which would encode
 * binary attribute values as UTF-8 text.
 */
public final class TarLayerWriter implements LayerWriter, AutoCloseable {
    private static final FileAttributes EMPTY_ATTRIBUTES = new FileAttributes(0, 0, 0, Instant.EPOCH, Map.of());

    private static final int COPY_BUFFER = 1 << 18;
    private static final int RECORD = 512;
    private static final byte[] ZEROS = new byte[RECORD];

    private final Sha256OutputStream uncompressed;
    private final TarArchiveOutputStream tar;
    /** One header record, reused: an export writes thousands. */
    private final byte[] record = new byte[RECORD];
    private final UstarHeader ustar = new UstarHeader();
    private byte[] copyBuffer;
    private boolean finished;

    /** A layer tar: the bytes are digested as they go, for {@link #diffId()}. */
    public TarLayerWriter(OutputStream out) {
        this(out, true);
    }

    /** A tar nobody needs the digest of (export, save to a file already digested): saves a sha256 pass. */
    public static TarLayerWriter undigested(OutputStream out) {
        return new TarLayerWriter(out, false);
    }

    private TarLayerWriter(OutputStream out, boolean digested) {
        this.uncompressed = new Sha256OutputStream(out, digested);
        this.tar = new TarArchiveOutputStream(uncompressed, StandardCharsets.UTF_8.name());
        // Our own PAX header carries what the ustar header cannot hold; the header keeps a cut copy.
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_TRUNCATE);
        tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_STAR);
        tar.setAddPaxHeadersForNonAsciiNames(false);
    }

    @Override
    public void write(LayerEntry entry) throws IOException {
        if (entry instanceof LayerEntry.Directory d) {
            put(d.path() + "/", TarConstants.LF_DIR, d.attributes(), null, 0, null);
        } else if (entry instanceof LayerEntry.RegularFile f) {
            if (f.content() instanceof FileContent file && uncompressed.sendsFiles()) {
                send(f, file);
            } else {
                put(f.path(), TarConstants.LF_NORMAL, f.attributes(), null, f.size(), f.content());
            }
        } else if (entry instanceof LayerEntry.Symlink s) {
            put(s.path(), TarConstants.LF_SYMLINK, s.attributes(), s.target(), 0, null);
        } else if (entry instanceof LayerEntry.Hardlink h) {
            put(h.path(), TarConstants.LF_LINK, EMPTY_ATTRIBUTES, h.target(), 0, null);
        } else if (entry instanceof LayerEntry.Special s) {
            special(s);
        } else if (entry instanceof LayerEntry.Whiteout w) {
            String name = LayerPaths.join(LayerPaths.parent(w.path()), ".wh." + LayerPaths.baseName(w.path()));
            put(name, TarConstants.LF_NORMAL, EMPTY_ATTRIBUTES, null, 0, null);
        } else if (entry instanceof LayerEntry.OpaqueDirectory o) {
            put(o.path() + "/.wh..wh..opq", TarConstants.LF_NORMAL, EMPTY_ATTRIBUTES, null, 0, null);
        }
    }

    /**
     * Whether records go straight to the output rather than through Commons Compress: when file
     * contents are sent, every header is written below it (see {@link #send}), each with one
     * reused record and {@link HeaderNames}, in the same bytes its entries would give.
     */
    private boolean direct() {
        return uncompressed.sendsFiles();
    }

    /** Writes one header record below Commons Compress, as its {@code putArchiveEntry} would. */
    private void record(TarArchiveEntry header) throws IOException {
        Arrays.fill(record, (byte) 0);
        header.writeEntryHeader(record, HeaderNames.UTF_8, true);
        uncompressed.write(record);
    }

    /** Writes the header record of an entry, without an entry object when {@link UstarHeader} can. */
    private void record(String name, byte flag, FileAttributes attributes, String link, long size) throws IOException {
        long mode = attributes.mode();
        long uid = Integer.toUnsignedLong(attributes.uid());
        long gid = Integer.toUnsignedLong(attributes.gid());
        long mtime = attributes.modified().getEpochSecond();
        if (!UstarHeader.fits(name, link, mode, uid, gid, size, mtime, 0, 0)) {
            record(header(name, flag, attributes, link, size));
            return;
        }
        ustar.write(record, name, flag, link, mode, uid, gid, size, mtime, 0, 0);
        uncompressed.write(record);
    }

    private void pad(long size) throws IOException {
        uncompressed.write(ZEROS, 0, (int) ((RECORD - size % RECORD) % RECORD));
    }

    private void special(LayerEntry.Special special) throws IOException {
        byte flag = switch (special.type()) {
            case CHARACTER_DEVICE -> TarConstants.LF_CHR;
            case BLOCK_DEVICE -> TarConstants.LF_BLK;
            case FIFO -> TarConstants.LF_FIFO;
        };
        TarArchiveEntry header = header(special.path(), flag, special.attributes(), null, 0);
        header.setDevMajor(special.major());
        header.setDevMinor(special.minor());
        writePax(special.path(), null, special.attributes());
        if (direct()) {
            record(header);
            return;
        }
        tar.putArchiveEntry(header);
        tar.closeArchiveEntry();
    }

    private void put(String name, byte flag, FileAttributes attributes, String link, long size, InputStream content)
            throws IOException {
        writePax(name, link, attributes);
        if (content == null && direct()) {
            record(name, flag, attributes, link, size);
            return;
        }
        tar.putArchiveEntry(header(name, flag, attributes, link, size));
        if (content != null) {
            long copied = copy(content);
            if (copied != size) {
                throw new IOException("content of " + name + " has " + copied + " bytes, not " + size);
            }
        }
        tar.closeArchiveEntry();
    }

    /**
     * A regular file whose bytes go from its file straight to the sink. Between entries Commons
     * Compress holds nothing back (its block is one 512-byte record, flushed at each entry's end),
     * so the header record, the content and its padding are written below it, in the same bytes
     * its {@code putArchiveEntry} and {@code closeArchiveEntry} would give.
     */
    private void send(LayerEntry.RegularFile f, FileContent file) throws IOException {
        writePax(f.path(), null, f.attributes());
        record(f.path(), TarConstants.LF_NORMAL, f.attributes(), null, f.size());
        FileChannel channel = file.channel();
        long sent = uncompressed.transferFrom(channel, channel.position(), f.size());
        if (sent != f.size()) {
            throw new IOException("content of " + f.path() + " has " + sent + " bytes, not " + f.size());
        }
        pad(f.size());
    }

    /** Large reads: InputStream.transferTo's 8 kB would cost a read(2) per 8 kB of a layer. */
    private long copy(InputStream content) throws IOException {
        if (copyBuffer == null) {
            copyBuffer = new byte[COPY_BUFFER];
        }
        long copied = 0;
        for (int n = content.read(copyBuffer); n >= 0; n = content.read(copyBuffer)) {
            tar.write(copyBuffer, 0, n);
            copied += n;
        }
        return copied;
    }

    /**
     * Starts the entry of a regular file whose content the caller writes (its stream is ignored);
     * closing the returned stream ends the entry. Lets a commit hash the bytes it copies anyway.
     */
    public OutputStream begin(LayerEntry.RegularFile file) throws IOException {
        writePax(file.path(), null, file.attributes());
        tar.putArchiveEntry(header(file.path(), TarConstants.LF_NORMAL, file.attributes(), null, file.size()));
        return new OutputStream() {
            private long written;

            @Override
            public void write(int b) throws IOException {
                tar.write(b);
                written++;
            }

            @Override
            public void write(byte[] buffer, int offset, int length) throws IOException {
                tar.write(buffer, offset, length);
                written += length;
            }

            @Override
            public void close() throws IOException {
                if (written != file.size()) {
                    throw new IOException("content of " + file.path() + " has " + written + " bytes, not " + file.size());
                }
                tar.closeArchiveEntry();
            }
        };
    }

    private static TarArchiveEntry header(String name, byte flag, FileAttributes attributes, String link, long size) {
        TarArchiveEntry header = new TarArchiveEntry(name, flag, true);
        header.setMode(attributes.mode());
        header.setUserId(Integer.toUnsignedLong(attributes.uid()));
        header.setGroupId(Integer.toUnsignedLong(attributes.gid()));
        header.setModTime(FileTime.from(Instant.ofEpochSecond(attributes.modified().getEpochSecond())));
        header.setSize(size);
        if (link != null) {
            header.setLinkName(link);
        }
        return header;
    }

    /** One PAX header per entry, or none when the ustar header holds everything. */
    private void writePax(String name, String link, FileAttributes attributes) throws IOException {
        if (UstarHeader.plain(name) && (link == null || UstarHeader.plain(link)) && attributes.modified().getNano() == 0
                && attributes.xattrs().isEmpty()) {
            // most entries of an export: no record, so no maps to build for each
            return;
        }
        Map<String, byte[]> records = new LinkedHashMap<>();
        if (!UstarHeader.plain(name)) {
            records.put("path", name.getBytes(StandardCharsets.UTF_8));
        }
        if (link != null && !UstarHeader.plain(link)) {
            records.put("linkpath", link.getBytes(StandardCharsets.UTF_8));
        }
        Instant modified = attributes.modified();
        if (modified.getNano() != 0) {
            records.put("mtime", String.format("%d.%09d", modified.getEpochSecond(), modified.getNano())
                    .getBytes(StandardCharsets.US_ASCII));
        }
        new TreeMap<>(attributes.xattrs()).forEach((key, value) -> records.put("SCHILY.xattr." + key, value));
        if (records.isEmpty()) {
            return;
        }
        byte[] data = PaxRecords.encode(records);
        TarArchiveEntry pax = new TarArchiveEntry("PaxHeaders/" + LayerPaths.baseName(trimSlash(name)),
                TarConstants.LF_PAX_EXTENDED_HEADER_LC, true);
        pax.setSize(data.length);
        // Commons Compress stamps a new entry with the current time: a layer's bytes (its diff id)
        // must depend on its content only, or the same layer rebuilt for a push or save differs.
        pax.setModTime(FileTime.from(Instant.EPOCH));
        if (direct()) {
            record(pax);
            uncompressed.write(data);
            pad(data.length);
            return;
        }
        tar.putArchiveEntry(pax);
        tar.write(data);
        tar.closeArchiveEntry();
    }

    private static String trimSlash(String name) {
        return name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
    }

    /** Writes the end-of-archive blocks; the underlying stream stays open. */
    public void finish() throws IOException {
        if (!finished) {
            tar.finish();
            tar.flush();
            finished = true;
        }
    }

    /** The sha256 of the tar written, once {@link #finish()}ed: the layer's OCI diff id. */
    public Digest diffId() {
        if (!finished) {
            throw new IllegalStateException("layer not finished yet");
        }
        return uncompressed.digest();
    }

    public long size() {
        return uncompressed.count();
    }

    @Override
    public void close() throws IOException {
        finish();
        tar.close();
    }
}
