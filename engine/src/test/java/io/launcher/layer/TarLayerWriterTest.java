package io.launcher.layer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.launcher.spi.storage.FileAttributes;
import io.launcher.spi.storage.LayerEntry;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TarLayerWriterTest {
    static final Instant TIME = Instant.parse("2022-01-02T03:04:05.987654321Z");
    static final byte[] CAPABILITY = {1, 0, 0, 2, 0x20, 0, 0, 0, (byte) 0xff, (byte) 0xc3, 0, 0};

    static List<LayerEntry> sample() {
        String longDirectory = "d".repeat(120);
        FileAttributes plain = new FileAttributes(0644, 0, 0, Instant.parse("2020-01-01T00:00:00Z"), Map.of());
        FileAttributes setuid = new FileAttributes(04755, 100000, 70000, TIME,
                Map.of("security.capability", CAPABILITY, "user.text", "värde".getBytes(StandardCharsets.UTF_8)));
        List<LayerEntry> entries = new ArrayList<>();
        entries.add(new LayerEntry.Directory("bin", new FileAttributes(0755, 0, 0, TIME, Map.of())));
        entries.add(Entries.file("bin/ping", setuid, "ping"));
        entries.add(new LayerEntry.Hardlink("bin/ping6", "bin/ping"));
        entries.add(new LayerEntry.Directory(longDirectory, plain));
        entries.add(Entries.file(longDirectory + "/ünïcödé-" + "f".repeat(90), plain, "long"));
        entries.add(new LayerEntry.Symlink("link", new FileAttributes(0777, 0, 0, TIME, Map.of()), "../" + "t".repeat(150) + "//"));
        entries.add(new LayerEntry.Special("fifo", plain, LayerEntry.SpecialType.FIFO, 0, 0));
        entries.add(new LayerEntry.Whiteout("bin/gone"));
        entries.add(new LayerEntry.Directory("var", plain));
        entries.add(new LayerEntry.OpaqueDirectory("var"));
        return entries;
    }

    static byte[] write(List<LayerEntry> entries) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TarLayerWriter writer = new TarLayerWriter(out)) {
            for (LayerEntry entry : entries) {
                writer.write(entry);
            }
        }
        return out.toByteArray();
    }

    @Test
    void writtenLayerReadsBackExactly() throws IOException {
        byte[] tar = write(sample());
        List<String> expected = new ArrayList<>();
        for (LayerEntry entry : sample()) {
            expected.add(Entries.describe(entry));
        }
        try (TarLayerReader reader = new TarLayerReader(new ByteArrayInputStream(tar))) {
            assertEquals(expected, Entries.readAll(reader));
        }
    }

    /** The first entry of the sample needs a PAX header (sub-second time): its own time is fixed. */
    @Test
    void paxHeadersCarryNoWallClockTime() throws IOException {
        byte[] tar = write(sample());
        assertEquals('x', tar[156]);
        assertEquals("00000000000", new String(tar, 136, 11, StandardCharsets.US_ASCII));
    }

    @Test
    void diffIdIsTheSha256OfWhatWasWritten() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TarLayerWriter writer = new TarLayerWriter(out);
        for (LayerEntry entry : sample()) {
            writer.write(entry);
        }
        writer.finish();
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(out.toByteArray()));
        assertEquals("sha256:" + expected, writer.diffId().toString());
        assertEquals(out.size(), writer.size());
    }

    @Test
    void gnuTarReadsTheLayer(@TempDir Path temp) throws Exception {
        Path tar = temp.resolve("layer.tar");
        Files.write(tar, write(sample()));
        Process list = new ProcessBuilder("tar", "-tf", tar.toString()).redirectErrorStream(true).start();
        String names = new String(list.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, list.waitFor(), names);
        assertTrue(names.contains("d".repeat(120) + "/ünïcödé-"), names);
        assertTrue(names.contains("bin/.wh.gone"), names);
        assertTrue(names.contains("var/.wh..wh..opq"), names);
    }
}
