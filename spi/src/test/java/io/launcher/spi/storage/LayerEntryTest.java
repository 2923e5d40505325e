package io.launcher.spi.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LayerEntryTest {
    @Test
    void anEntryMovedKeepsAllButItsPathAndAHardLinkItsTarget() {
        FileAttributes attributes = new FileAttributes(0644, 1, 2, Instant.EPOCH, Map.of());
        InputStream content = new ByteArrayInputStream(new byte[0]);
        List<LayerEntry> entries = List.of(
                new LayerEntry.Directory("a", attributes),
                new LayerEntry.RegularFile("a", attributes, 0, content),
                new LayerEntry.Symlink("a", attributes, "/t"),
                new LayerEntry.Hardlink("a", "t"),
                new LayerEntry.Special("a", attributes, LayerEntry.SpecialType.FIFO, 0, 0),
                new LayerEntry.Whiteout("a"),
                new LayerEntry.OpaqueDirectory("a"));
        List<LayerEntry> expected = List.of(
                new LayerEntry.Directory("b/a", attributes),
                new LayerEntry.RegularFile("b/a", attributes, 0, content),
                new LayerEntry.Symlink("b/a", attributes, "/t"),
                new LayerEntry.Hardlink("b/a", "t"),
                new LayerEntry.Special("b/a", attributes, LayerEntry.SpecialType.FIFO, 0, 0),
                new LayerEntry.Whiteout("b/a"),
                new LayerEntry.OpaqueDirectory("b/a"));
        assertEquals(expected, entries.stream().map(entry -> entry.at("b/a")).toList());
    }
}
