package io.launcher.engine;

import io.launcher.spi.storage.LayerEntry;
import io.launcher.spi.storage.SnapshotKey;
import io.launcher.spi.storage.StorageDriver;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Reads single files of a container's filesystem (its layer over its image's) through
 * {@link LayerMerge}, without a mount: the top-most layer wins and whiteouts are respected. Hard
 * links and symbolic links (resolved inside the container's root) are followed. Reading every
 * layer costs a walk of the whole image, so what an image's committed layers answer is kept:
 * they never change, and a fresh container's own layer is empty.
 */
final class ContainerFiles {
    private static final int MAX_LINKS = 8;
    /** Files larger than this are not read (passwd and group are small). */
    private static final long MAX_SIZE = 16L << 20;

    private static final int CACHED_CHAINS = 32;

    private final StorageDriver storage;
    private final LayerMerge merge;
    private final Map<Lookup, Map<String, byte[]>> committed = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Lookup, Map<String, byte[]>> eldest) {
            return size() > CACHED_CHAINS;
        }
    };

    /** The files asked of a committed snapshot (and its parents). */
    private record Lookup(SnapshotKey snapshot, List<String> paths) { }

    ContainerFiles(StorageDriver storage) {
        this.storage = storage;
        this.merge = new LayerMerge(storage);
    }

    /** The content of {@code path} (absolute, in the container), when it is a regular file. */
    Optional<byte[]> read(SnapshotKey top, String path) throws IOException {
        return Optional.ofNullable(read(top, List.of(path)).get(path));
    }

    /** The contents of those of {@code paths} (absolute, in the container) that are regular files. */
    Map<String, byte[]> read(SnapshotKey top, List<String> paths) throws IOException {
        List<SnapshotKey> chain = merge.chain(top);
        if (chain.size() < 2 || !isEmpty(top)) {
            return read(chain, paths);
        }
        Lookup lookup = new Lookup(chain.get(1), List.copyOf(paths));
        synchronized (committed) {
            Map<String, byte[]> known = committed.get(lookup);
            if (known != null) {
                return known;
            }
        }
        Map<String, byte[]> found = Map.copyOf(read(chain.subList(1, chain.size()), paths));
        synchronized (committed) {
            committed.put(lookup, found);
        }
        return found;
    }

    private boolean isEmpty(SnapshotKey layer) throws IOException {
        AtomicBoolean empty = new AtomicBoolean(true);
        storage.diff(layer, entry -> empty.set(false));
        return empty.get();
    }

    private Map<String, byte[]> read(List<SnapshotKey> chain, List<String> paths) throws IOException {
        Map<String, String> wanted = new LinkedHashMap<>();
        for (String path : paths) {
            String normal = normalize("", path);
            if (normal != null) {
                wanted.put(path, normal);
            }
        }
        Map<String, byte[]> result = new LinkedHashMap<>();
        for (int round = 0; round <= MAX_LINKS && !wanted.isEmpty(); round++) {
            Set<String> look = new HashSet<>(wanted.values());
            Map<String, byte[]> contents = new HashMap<>();
            Map<String, String> redirects = new HashMap<>();
            merge.run(chain, entry -> {
                if (!look.contains(entry.path())) {
                    return;
                }
                if (entry instanceof LayerEntry.RegularFile f && f.size() <= MAX_SIZE) {
                    try (InputStream in = f.content()) {
                        contents.put(f.path(), in.readAllBytes());
                    }
                } else if (entry instanceof LayerEntry.Hardlink h) {
                    redirects.put(h.path(), h.target());
                } else if (entry instanceof LayerEntry.Symlink s) {
                    String parent = s.path().contains("/") ? s.path().substring(0, s.path().lastIndexOf('/')) : "";
                    String target = normalize(s.target().startsWith("/") ? "" : parent, s.target());
                    if (target != null) {
                        redirects.put(s.path(), target);
                    }
                }
            });
            Map<String, String> next = new LinkedHashMap<>();
            wanted.forEach((asked, layerPath) -> {
                if (contents.containsKey(layerPath)) {
                    result.put(asked, contents.get(layerPath));
                } else if (redirects.containsKey(layerPath)) {
                    next.put(asked, redirects.get(layerPath));
                }
            });
            wanted = next;
        }
        return result;
    }

    /** A layer path (relative, no {@code .} or {@code ..}) for {@code path} seen from {@code base}; null for the root. */
    private static String normalize(String base, String path) {
        Deque<String> parts = new ArrayDeque<>();
        for (String part : (base + "/" + path).split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                parts.pollLast();
            } else {
                parts.addLast(part);
            }
        }
        return parts.isEmpty() ? null : String.join("/", parts);
    }
}
