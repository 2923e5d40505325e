package io.launcher.layer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.launcher.spi.storage.FileAttributes;
import io.launcher.spi.storage.FileContent;
import io.launcher.spi.storage.LayerEntry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** File contents handed to a {@link FileSink} (an export's sendfile) give the very bytes a copy gives. */
class TarLayerWriterSendTest {
    private static final FileAttributes PLAIN = new FileAttributes(0644, 0, 0, TarLayerWriterTest.TIME, Map.of());
    private static final FileAttributes RICH = new FileAttributes(04755, 100000, 70000, TarLayerWriterTest.TIME,
            Map.of("security.capability", TarLayerWriterTest.CAPABILITY));
    private static final int[] SIZES = {0, 1, 511, 512, 513, 70_000, 1 << 20};

    @TempDir
    Path dir;

    /** Captures what is written and what is transferred, the file's bytes read at the position asked. */
    private static final class Capture extends ByteArrayOutputStream implements FileSink {
        int transfers;

        @Override
        public long transferFrom(FileChannel file, long position, long count) throws IOException {
            ByteBuffer bytes = ByteBuffer.allocate((int) count);
            while (bytes.hasRemaining() && file.read(bytes, position + bytes.position()) > 0) {
                // reads until the region or the file ends
            }
            write(bytes.array(), 0, bytes.position());
            transfers++;
            return bytes.position();
        }
    }

    private List<LayerEntry> entries() throws IOException {
        List<LayerEntry> entries = new ArrayList<>(TarLayerWriterTest.sample());
        Random random = new Random(7);
        for (int size : SIZES) {
            byte[] content = new byte[size];
            random.nextBytes(content);
            Path file = Files.write(dir.resolve("f" + size), content);
            String name = (size == 513 ? "n".repeat(130) + "/" : "") + "f" + size;
            // One file with a PAX header of its own: sub-second time and a binary attribute.
            FileAttributes attributes = size == 1 ? RICH : PLAIN;
            entries.add(new LayerEntry.RegularFile(name, attributes, size,
                    new FileContent(FileChannel.open(file, StandardOpenOption.READ))));
        }
        return entries;
    }

    @Test
    void sentContentGivesTheBytesOfACopy() throws IOException {
        Capture sent = new Capture();
        try (TarLayerWriter writer = TarLayerWriter.undigested(sent)) {
            for (LayerEntry entry : entries()) {
                writer.write(entry);
            }
        }
        ByteArrayOutputStream copied = new ByteArrayOutputStream();
        try (TarLayerWriter writer = TarLayerWriter.undigested(copied)) {
            for (LayerEntry entry : entries()) {
                writer.write(entry);
            }
        }
        assertEquals(SIZES.length, sent.transfers, "every file goes through the sink");
        assertArrayEquals(copied.toByteArray(), sent.toByteArray());
        assertArrayEquals(TarLayerWriterTest.write(entries()), sent.toByteArray());
    }

    @Test
    void fileShorterThanItsEntryFails() throws IOException {
        Path file = Files.write(dir.resolve("short"), new byte[100]);
        LayerEntry.RegularFile entry = new LayerEntry.RegularFile("short", PLAIN, 200,
                new FileContent(FileChannel.open(file, StandardOpenOption.READ)));
        try (TarLayerWriter writer = TarLayerWriter.undigested(new Capture())) {
            IOException failure = assertThrows(IOException.class, () -> writer.write(entry));
            assertTrue(failure.getMessage().contains("has 100 bytes, not 200"), failure.getMessage());
        }
    }

    @Test
    void fileContentSkipsAndReads() throws IOException {
        Path file = Files.write(dir.resolve("abc"), "abcdef".getBytes());
        try (FileContent content = new FileContent(FileChannel.open(file, StandardOpenOption.READ))) {
            assertTrue(content.skip(2) == 2 && content.read() == 'c');
            assertArrayEquals("def".getBytes(), content.readAllBytes());
            assertTrue(content.skip(5) == 0 && content.read() == -1);
        }
    }
}
