package io.launcher.engine;

import io.launcher.spi.storage.LayerEntry;
import io.launcher.spi.storage.LayerWriter;
import io.launcher.spi.storage.SnapshotKey;
import io.launcher.spi.storage.StorageDriver;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a snapshot and its parents as the one filesystem a container sees, without mounting
 * anything: layers are read top first through {@link StorageDriver#diff}, and an entry is shown
 * only when no higher layer holds its path, deleted it, made an ancestor opaque or replaced an
 * ancestor with a non-directory. Whiteouts are consumed, never emitted.
 */
final class LayerMerge {
    private final StorageDriver storage;

    LayerMerge(StorageDriver storage) {
        this.storage = storage;
    }

    /** The snapshot and its parents, nearest first. */
    List<SnapshotKey> chain(SnapshotKey top) {
        List<SnapshotKey> chain = new ArrayList<>();
        Optional<SnapshotKey> next = Optional.of(top);
        while (next.isPresent()) {
            chain.add(next.get());
            next = storage.stat(next.get()).parent();
        }
        return chain;
    }

    /** Emits the visible entries of {@code layers} (nearest first). */
    void run(List<SnapshotKey> layers, LayerWriter out) throws IOException {
        Set<String> decided = new HashSet<>();
        Set<String> hidden = new HashSet<>();
        for (SnapshotKey layer : layers) {
            Pass pass = new Pass(decided, hidden, out);
            storage.diff(layer, pass::accept);
            if (!pass.orphanLinks.isEmpty()) {
                // Rare: a hard link whose first name a higher layer replaced still shows the old content.
                storage.diff(layer, pass::materialize);
            }
            hidden.addAll(pass.hideBelow);
        }
    }

    /** One layer's reading; what it hides applies to the layers below only. */
    private static final class Pass {
        private final Set<String> decided;
        private final Set<String> hidden;
        private final LayerWriter out;
        private final Set<String> hideBelow = new HashSet<>();
        private final Set<String> emitted = new HashSet<>();
        private final Map<String, List<String>> orphanLinks = new LinkedHashMap<>();

        Pass(Set<String> decided, Set<String> hidden, LayerWriter out) {
            this.decided = decided;
            this.hidden = hidden;
            this.out = out;
        }

        void accept(LayerEntry entry) throws IOException {
            String path = entry.path();
            if (underHidden(path)) {
                return;
            }
            if (entry instanceof LayerEntry.OpaqueDirectory) {
                hideBelow.add(path);
                return;
            }
            if (!decided.add(path)) {
                return;
            }
            if (entry instanceof LayerEntry.Directory) {
                out.write(entry);
                return;
            }
            // A deletion or a non-directory hides whatever lower layers hold below this path.
            hideBelow.add(path);
            if (entry instanceof LayerEntry.Whiteout) {
                return;
            }
            if (entry instanceof LayerEntry.Hardlink link && !emitted.contains(link.target())) {
                orphanLinks.computeIfAbsent(link.target(), t -> new ArrayList<>()).add(path);
                return;
            }
            emitted.add(path);
            out.write(entry);
        }

        /** Writes the content of a hidden first name under the names of the links that still show it. */
        void materialize(LayerEntry entry) throws IOException {
            List<String> names = orphanLinks.get(entry.path());
            if (names == null) {
                return;
            }
            String first = names.get(0);
            if (entry instanceof LayerEntry.RegularFile f) {
                out.write(new LayerEntry.RegularFile(first, f.attributes(), f.size(), f.content()));
            } else if (entry instanceof LayerEntry.Symlink s) {
                out.write(new LayerEntry.Symlink(first, s.attributes(), s.target()));
            } else if (entry instanceof LayerEntry.Special s) {
                out.write(new LayerEntry.Special(first, s.attributes(), s.type(), s.major(), s.minor()));
            } else {
                return;
            }
            for (String other : names.subList(1, names.size())) {
                out.write(new LayerEntry.Hardlink(other, first));
            }
        }

        private boolean underHidden(String path) {
            if (hidden.isEmpty()) {
                return false;
            }
            for (int slash = path.indexOf('/'); slash > 0; slash = path.indexOf('/', slash + 1)) {
                if (hidden.contains(path.substring(0, slash))) {
                    return true;
                }
            }
            return false;
        }
    }
}
