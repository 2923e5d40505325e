package io.launcher.layer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.launcher.spi.storage.LayerEntry;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** tar-split: a tar read into a layer and its record comes back byte for byte, else says it cannot. */
class TarSplitTest {
    private static final String LONG = "deep/" + "d".repeat(120) + "/file-with-a-long-name.txt";

    @TempDir
    Path spool;

    /** A layer as a storage driver holds it: contents by path, hard links sharing one array. */
    private final Map<String, byte[]> files = new TreeMap<>();

    @Test
    void oddTarsComeBackByteForByte() throws IOException {
        byte[] original = oddTar();
        byte[] record = read(original);
        assertArrayEquals(original, assemble(record).bytes());
        assertEquals(sha(original), assemble(record).diffId());
        try (var left = Files.list(spool)) {
            assertEquals(0, left.count(), "the spool is removed");
        }
    }

    private static io.launcher.api.Digest sha(byte[] bytes) {
        return io.launcher.api.Digest.sha256(java.util.HexFormat.of().formatHex(Sha256InputStream.newSha256().digest(bytes)));
    }

    @Test
    void aChangedFileGivesAnotherDigestAndAMissingOneNoResult() throws IOException {
        byte[] original = oddTar();
        byte[] record = read(original);
        byte[] greeting = files.get("etc/greeting");
        greeting[0] ^= 1;
        Assembled changed = assemble(record);
        assertTrue(changed.complete());
        assertNotEquals(sha(original), changed.diffId(), "the caller must see the change");
        files.put("etc/greeting", new byte[greeting.length + 1]);
        assertFalse(assemble(record).complete(), "a file of another size is not used");
        files.remove("etc/greeting");
        assertFalse(assemble(record).complete(), "a missing file is not used");
    }

    @Test
    void sparseEntriesLeaveNoRecord() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
            TarArchiveEntry sparse = new TarArchiveEntry("sparse", TarConstants.LF_GNUTYPE_SPARSE);
            tar.putArchiveEntry(sparse);
            tar.closeArchiveEntry();
        }
        TarSplitScanner scanner = new TarSplitScanner(new TarSplitRecord.Writer(new ByteArrayOutputStream()));
        scanner.accept(out.toByteArray(), 0, out.size());
        assertFalse(scanner.finish());
    }

    private byte[] oddTar() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_GNU);
            directory(tar, "etc/");
            file(tar, "etc/greeting", "hello\n");
            file(tar, LONG + "-gnu", "x".repeat(513));
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            TarArchiveEntry pax = new TarArchiveEntry(LONG);
            pax.addPaxHeader("SCHILY.xattr.user.note", "kept");
            pax.setSize(1000);
            tar.putArchiveEntry(pax);
            tar.write(new byte[1000]);
            tar.closeArchiveEntry();
            file(tar, "z/data", "linked content");
            TarArchiveEntry hardlink = new TarArchiveEntry("a-link", TarConstants.LF_LINK);
            hardlink.setLinkName("z/data");
            tar.putArchiveEntry(hardlink);
            tar.closeArchiveEntry();
            TarArchiveEntry symlink = new TarArchiveEntry("etc/motd", TarConstants.LF_SYMLINK);
            symlink.setLinkName("greeting");
            tar.putArchiveEntry(symlink);
            tar.closeArchiveEntry();
            file(tar, "etc/.wh.removed", "");
            file(tar, "empty", "");
        }
        // Trailing zero blocks beyond the archive's own, and a few stray bytes.
        out.write(new byte[3 * 512]);
        out.write("junk".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    private static void directory(TarArchiveOutputStream tar, String name) throws IOException {
        tar.putArchiveEntry(new TarArchiveEntry(name));
        tar.closeArchiveEntry();
    }

    private static void file(TarArchiveOutputStream tar, String name, String content) throws IOException {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setSize(bytes.length);
        tar.putArchiveEntry(entry);
        tar.write(bytes);
        tar.closeArchiveEntry();
    }

    /** Reads the tar as import does, keeping its files, and returns the record. */
    private byte[] read(byte[] tar) throws IOException {
        ByteArrayOutputStream record = new ByteArrayOutputStream();
        try (TarLayerReader reader = new TarLayerReader(new ByteArrayInputStream(tar), record)) {
            for (Optional<LayerEntry> e = reader.next(); e.isPresent(); e = reader.next()) {
                if (e.get() instanceof LayerEntry.RegularFile f) {
                    files.put(f.path(), f.content().readAllBytes());
                } else if (e.get() instanceof LayerEntry.Hardlink h) {
                    files.put(h.path(), files.get(h.target()));
                }
            }
            assertTrue(reader.splitRecorded());
            assertEquals(sha(tar), reader.diffId());
        }
        return record.toByteArray();
    }

    private record Assembled(boolean complete, byte[] bytes, io.launcher.api.Digest diffId) {
    }

    /** Emits the layer as a directory driver's diff does: sorted, the first name of a link group the file. */
    private Assembled assemble(byte[] record) throws IOException {
        TarSplitAssembler.Needs needs = TarSplitAssembler.needs(
                new TarSplitRecord.Reader(new ByteArrayInputStream(record))).orElseThrow();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TarSplitAssembler assembler = new TarSplitAssembler(needs,
                new TarSplitRecord.Reader(new ByteArrayInputStream(record)), out, spool)) {
            Map<byte[], String> first = new IdentityHashMap<>();
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                String earlier = first.putIfAbsent(file.getValue(), file.getKey());
                assembler.write(earlier != null ? new LayerEntry.Hardlink(file.getKey(), earlier)
                        : new LayerEntry.RegularFile(file.getKey(), null, file.getValue().length,
                                new ByteArrayInputStream(file.getValue())));
            }
            boolean complete = assembler.finish();
            return new Assembled(complete, out.toByteArray(), assembler.diffId());
        }
    }
}
