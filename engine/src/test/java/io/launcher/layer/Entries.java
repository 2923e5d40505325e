package io.launcher.layer;

import io.launcher.spi.storage.FileAttributes;
import io.launcher.spi.storage.LayerEntry;
import io.launcher.spi.storage.LayerReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Layer entries for the tests, and their description as comparable text. */
final class Entries {

    private Entries() {
    }

    static LayerEntry.RegularFile file(String path, FileAttributes attributes, String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        return new LayerEntry.RegularFile(path, attributes, bytes.length, new ByteArrayInputStream(bytes));
    }

    static List<String> readAll(LayerReader reader) throws IOException {
        List<String> described = new ArrayList<>();
        for (Optional<LayerEntry> entry = reader.next(); entry.isPresent(); entry = reader.next()) {
            described.add(describe(entry.get()));
        }
        return described;
    }

    static String describe(LayerEntry entry) throws IOException {
        if (entry instanceof LayerEntry.Directory d) {
            return "dir " + d.path() + " " + describe(d.attributes());
        } else if (entry instanceof LayerEntry.RegularFile f) {
            return "file " + f.path() + " " + describe(f.attributes()) + " " + f.size() + " "
                    + new String(f.content().readAllBytes(), StandardCharsets.UTF_8);
        } else if (entry instanceof LayerEntry.Symlink s) {
            return "symlink " + s.path() + " -> " + s.target() + " " + describe(s.attributes());
        } else if (entry instanceof LayerEntry.Hardlink h) {
            return "hardlink " + h.path() + " -> " + h.target();
        } else if (entry instanceof LayerEntry.Special s) {
            return "special " + s.path() + " " + s.type() + " " + s.major() + ":" + s.minor() + " " + describe(s.attributes());
        } else if (entry instanceof LayerEntry.Whiteout w) {
            return "whiteout " + w.path();
        }
        return "opaque " + entry.path();
    }

    private static String describe(FileAttributes attributes) {
        Map<String, String> xattrs = new TreeMap<>();
        attributes.xattrs().forEach((name, value) -> xattrs.put(name, HexFormat.of().formatHex(value)));
        return Integer.toOctalString(attributes.mode()) + " " + attributes.uid() + ":" + attributes.gid() + " "
                + attributes.modified() + " " + xattrs;
    }
}
