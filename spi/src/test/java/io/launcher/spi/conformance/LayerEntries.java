package io.launcher.spi.conformance;

import io.launcher.spi.storage.FileAttributes;
import io.launcher.spi.storage.LayerEntry;
import io.launcher.spi.storage.LayerReader;
import io.launcher.spi.storage.StorageDriver;
import io.launcher.spi.storage.SnapshotKey;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Builds layer entries for the kit and describes entries as comparable text. */
final class LayerEntries {
    static final Instant TIME = Instant.parse("2021-03-04T05:06:07.123456789Z");

    private LayerEntries() {
    }

    static FileAttributes attributes(int mode, int uid, int gid) {
        return new FileAttributes(mode, uid, gid, TIME, Map.of());
    }

    static FileAttributes attributes(int mode, Map<String, byte[]> xattrs) {
        return new FileAttributes(mode, 0, 0, TIME, xattrs);
    }

    static LayerEntry.Directory directory(String path) {
        return new LayerEntry.Directory(path, attributes(0755, 0, 0));
    }

    static LayerEntry.RegularFile file(String path, String content) {
        return file(path, attributes(0644, 0, 0), content);
    }

    static LayerEntry.RegularFile file(String path, FileAttributes attributes, String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        return new LayerEntry.RegularFile(path, attributes, bytes.length, new ByteArrayInputStream(bytes));
    }

    static LayerReader reader(List<LayerEntry> entries) {
        Iterator<LayerEntry> iterator = entries.iterator();
        return () -> iterator.hasNext() ? Optional.of(iterator.next()) : Optional.empty();
    }

    static void apply(StorageDriver driver, SnapshotKey key, LayerEntry... entries) throws IOException {
        driver.apply(key, reader(List.of(entries)));
    }

    /** The diff of an active snapshot, each entry described (file content included). */
    static List<String> diff(StorageDriver driver, SnapshotKey key) throws IOException {
        List<String> described = new ArrayList<>();
        driver.diff(key, entry -> described.add(describe(entry)));
        return described;
    }

    static String describe(LayerEntry entry) throws IOException {
        if (entry instanceof LayerEntry.Directory d) {
            return "dir " + d.path() + " " + describe(d.attributes(), true);
        } else if (entry instanceof LayerEntry.RegularFile f) {
            return "file " + f.path() + " " + describe(f.attributes(), true) + " size " + f.size() + " "
                    + HexFormat.of().formatHex(f.content().readAllBytes());
        } else if (entry instanceof LayerEntry.Symlink s) {
            // A symbolic link's own mode is always 0777 on Linux: it is not part of the contract.
            return "symlink " + s.path() + " -> " + s.target() + " " + describe(s.attributes(), false);
        } else if (entry instanceof LayerEntry.Hardlink h) {
            return "hardlink " + h.path() + " -> " + h.target();
        } else if (entry instanceof LayerEntry.Special s) {
            return "special " + s.path() + " " + s.type() + " " + s.major() + ":" + s.minor() + " "
                    + describe(s.attributes(), true);
        } else if (entry instanceof LayerEntry.Whiteout w) {
            return "whiteout " + w.path();
        }
        return "opaque " + entry.path();
    }

    private static String describe(FileAttributes attributes, boolean withMode) {
        Map<String, String> xattrs = new TreeMap<>();
        attributes.xattrs().forEach((name, value) -> xattrs.put(name, HexFormat.of().formatHex(value)));
        return (withMode ? Integer.toOctalString(attributes.mode()) + " " : "")
                + attributes.uid() + ":" + attributes.gid() + " " + attributes.modified() + " " + xattrs;
    }
}
