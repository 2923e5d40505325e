package io.launcher.layer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.luben.zstd.ZstdOutputStream;
import io.launcher.api.InvalidSpecException;
import io.launcher.spi.storage.LayerEntry;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.Test;

class TarLayerReaderTest {

    private static List<String> read(byte[] tar) throws IOException {
        try (TarLayerReader reader = new TarLayerReader(new ByteArrayInputStream(tar))) {
            return Entries.readAll(reader);
        }
    }

    private static String refusal(byte[] tar) {
        InvalidSpecException e = assertThrows(InvalidSpecException.class, () -> read(tar));
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        return e.getMessage();
    }

    @Test
    void gzipAndZstdLayersReadLikeThePlainOneWithItsDiffId() throws Exception {
        byte[] plain = TarLayerWriterTest.write(TarLayerWriterTest.sample());
        String diffId = "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(plain));
        List<String> expected = read(plain);
        for (byte[] layer : List.of(plain, compress(plain, false), compress(plain, true))) {
            try (TarLayerReader reader = new TarLayerReader(new ByteArrayInputStream(layer))) {
                assertEquals(expected, Entries.readAll(reader));
                assertEquals(diffId, reader.diffId().toString());
                assertEquals(plain.length, reader.uncompressedSize());
            }
        }
    }

    private static byte[] compress(byte[] plain, boolean zstd) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream compressing = zstd ? new ZstdOutputStream(out) : new GZIPOutputStream(out)) {
            compressing.write(plain);
        }
        return out.toByteArray();
    }

    @Test
    void aufsWhiteoutsBecomeNeutralEntries() throws IOException {
        byte[] tar = new RawTar().directory("etc/").file("etc/.wh.passwd", "").file("var/.wh..wh..opq", "")
                .file(".wh..wh.plnk/1.2", "").file(".wh.top", "").bytes();
        List<String> entries = read(tar);
        assertTrue(entries.get(0).startsWith("dir etc "));
        assertEquals(List.of("whiteout etc/passwd", "opaque var", "whiteout top"), entries.subList(1, entries.size()));
    }

    @Test
    void namesAreStrippedAndNormalised() throws IOException {
        byte[] tar = new RawTar().file("/abs/file", "a").file("./dot/file", "b").file("a/../inside", "c")
                .directory("./").bytes();
        List<String> entries = read(tar);
        assertEquals(3, entries.size());
        assertTrue(entries.get(0).startsWith("file abs/file "));
        assertTrue(entries.get(1).startsWith("file dot/file "));
        assertTrue(entries.get(2).startsWith("file inside "));
    }

    @Test
    void entriesClimbingOutOfTheLayerAreRefused() {
        assertTrue(refusal(new RawTar().file("../evil", "x").bytes()).contains("\"../evil\""));
        assertTrue(refusal(new RawTar().file("a/../../evil", "x").bytes()).contains("escapes the layer"));
        assertTrue(refusal(new RawTar().link("shadow", TarConstants.LF_LINK, "../../etc/shadow").bytes())
                .contains("\"shadow\""));
    }

    @Test
    void symbolicLinkTargetsAreKeptVerbatim() throws IOException {
        byte[] tar = new RawTar().link("escape", TarConstants.LF_SYMLINK, "/").file("escape/etc/passwd", "x").bytes();
        List<String> entries = read(tar);
        assertTrue(entries.get(0).startsWith("symlink escape -> / "));
        // The path is inside the layer as far as the tar is concerned; the storage refuses to write through the link.
        assertTrue(entries.get(1).startsWith("file escape/etc/passwd "));
    }

    @Test
    void deviceNodesAreDroppedAndCountedButFifosKept() throws IOException {
        byte[] tar = new RawTar().device("dev/sda", TarConstants.LF_BLK, 8, 0)
                .device("dev/mem", TarConstants.LF_CHR, 1, 1).device("fifo", TarConstants.LF_FIFO, 0, 0).bytes();
        try (TarLayerReader reader = new TarLayerReader(new ByteArrayInputStream(tar))) {
            List<String> entries = Entries.readAll(reader);
            assertEquals(1, entries.size());
            assertTrue(entries.get(0).startsWith("special fifo FIFO"));
            assertEquals(2, reader.neutralisedDevices());
        }
    }

    @Test
    void negativeAndOversizeSizesAreRefused() {
        byte[] negative = new RawTar().file("file", "").bytes();
        negative[124] = (byte) 0xff;
        fixChecksum(negative);
        assertTrue(refusal(negative).contains("\"file\""));
        byte[] oversize = new RawTar().file("file", "").bytes();
        oversize[124] = (byte) 0x80;
        oversize[129] = 0x20;
        fixChecksum(oversize);
        String message = refusal(oversize);
        assertTrue(message.contains("\"file\""), message);
    }

    @Test
    void giantPaxHeadersAreRefused() {
        refusal(new RawTar().pax("file", "comment", "x".repeat(HeaderRecorder.LIMIT + 10)).bytes());
    }

    private static void fixChecksum(byte[] tar) {
        java.util.Arrays.fill(tar, 148, 156, (byte) ' ');
        long sum = 0;
        for (int i = 0; i < 512; i++) {
            sum += tar[i] & 0xff;
        }
        byte[] octal = String.format("%06o\0 ", sum).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        System.arraycopy(octal, 0, tar, 148, 8);
    }

    @Test
    void binaryExtendedAttributesSurviveByteForByte() throws IOException {
        byte[] tar = TarLayerWriterTest.write(TarLayerWriterTest.sample());
        try (TarLayerReader reader = new TarLayerReader(new ByteArrayInputStream(tar))) {
            reader.next();
            LayerEntry ping = reader.next().orElseThrow();
            assertArrayEquals(TarLayerWriterTest.CAPABILITY, ping.getClass() == LayerEntry.RegularFile.class
                    ? ((LayerEntry.RegularFile) ping).attributes().xattrs().get("security.capability") : null);
        }
    }

    @Test
    void libarchiveBase64ExtendedAttributesAreDecoded() throws IOException {
        byte[] value = {0, (byte) 0xff, 0x10};
        byte[] tar = new RawTar().pax("file", "LIBARCHIVE.xattr.user.bin",
                Base64.getEncoder().withoutPadding().encodeToString(value)).bytes();
        try (TarLayerReader reader = new TarLayerReader(new ByteArrayInputStream(tar))) {
            Optional<LayerEntry> file = reader.next();
            assertArrayEquals(value, ((LayerEntry.RegularFile) file.orElseThrow()).attributes().xattrs().get("user.bin"));
        }
    }
}
