package io.launcher.engine;

import io.launcher.spi.storage.LayerEntry;
import io.launcher.spi.storage.LayerWriter;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Picks one path and what lies below it out of a merged filesystem and renames it, as the tar of
 * {@code GET /containers/{id}/archive} names it: the path itself as {@code name}, the rest below
 * {@code name/}. A hard link whose file lies outside the path is written as that file's content
 * in a second pass, so that the tar stands on its own.
 */
final class SubtreeCopy {
    private final String root;
    private final String name;
    private final LayerWriter out;
    private final Map<String, List<String>> orphanLinks = new LinkedHashMap<>();
    /** Layer paths a mount covers: their layer entries are not copied (the mount's content is). */
    private final Set<String> hidden;

    SubtreeCopy(String root, String name, LayerWriter out) {
        this(root, name, out, Set.of());
    }

    SubtreeCopy(String root, String name, LayerWriter out, Set<String> hidden) {
        this.root = root;
        this.name = name;
        this.out = out;
        this.hidden = Set.copyOf(hidden);
    }

    /** The entry's name in the tar, or null when it lies outside the copied path or under a mount. */
    String rename(String path) {
        for (String covered : hidden) {
            if (path.equals(covered) || path.startsWith(covered + "/")) {
                return null;
            }
        }
        return name(path);
    }

    /** The name {@code path} has in the tar, mounts or not; null when it lies outside the copied path. */
    String name(String path) {
        if (path.equals(root)) {
            return name;
        }
        if (root.isEmpty()) {
            return name + "/" + path;
        }
        return path.startsWith(root + "/") ? name + path.substring(root.length()) : null;
    }

    void accept(LayerEntry entry) throws IOException {
        String renamed = rename(entry.path());
        if (renamed == null) {
            return;
        }
        if (entry instanceof LayerEntry.Hardlink h) {
            String target = rename(h.target());
            if (target != null) {
                out.write(new LayerEntry.Hardlink(renamed, target));
            } else {
                orphanLinks.computeIfAbsent(h.target(), t -> new ArrayList<>()).add(renamed);
            }
        } else if (!(entry instanceof LayerEntry.Whiteout || entry instanceof LayerEntry.OpaqueDirectory)) {
            out.write(entry.at(renamed));
        }
    }

    boolean hasOrphanLinks() {
        return !orphanLinks.isEmpty();
    }

    /** Second pass: the content of each linked file outside the path, under its first link's name. */
    void materialize(LayerEntry entry) throws IOException {
        List<String> names = orphanLinks.get(entry.path());
        if (names == null || !(entry instanceof LayerEntry.RegularFile f)) {
            return;
        }
        out.write(new LayerEntry.RegularFile(names.get(0), f.attributes(), f.size(), f.content()));
        for (String other : names.subList(1, names.size())) {
            out.write(new LayerEntry.Hardlink(other, names.get(0)));
        }
    }
}
