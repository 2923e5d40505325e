package io.launcher.engine;

import io.launcher.api.InvalidSpecException;
import io.launcher.spi.storage.FileAttributes;
import io.launcher.spi.storage.LayerEntry;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The shape of a container's filesystem (its merged layers) without content: what each path is,
 * so that a container path can be resolved the way the kernel would inside the container's root.
 * Symbolic links are followed as data: an absolute target starts again at the container's root
 * and {@code ..} stops there, so no path ever resolves outside it (nothing on the host is read).
 */
final class FileTree {
    /** Linux's limit of links followed in one lookup (MAXSYMLINKS). */
    static final int MAX_LINKS = 40;
    static final FileAttributes IMPLIED_DIRECTORY = new FileAttributes(0755, 0, 0, Instant.EPOCH, Map.of());

    enum Kind { DIRECTORY, FILE, SYMLINK, HARDLINK, SPECIAL }

    /** One path: for a symbolic link {@code link} is its target, for a hard link the layer path it names. */
    record Node(Kind kind, FileAttributes attributes, long size, String link) {
        boolean isDirectory() {
            return kind == Kind.DIRECTORY;
        }
    }

    private final Map<String, Node> nodes = new HashMap<>();

    /** Records a merged entry (whiteouts never reach here: {@link LayerMerge} consumes them). */
    void add(LayerEntry entry) {
        nodes.put(entry.path(), nodeOf(entry));
    }

    static Node nodeOf(LayerEntry entry) {
        if (entry instanceof LayerEntry.Directory d) {
            return new Node(Kind.DIRECTORY, d.attributes(), 0, null);
        } else if (entry instanceof LayerEntry.RegularFile f) {
            return new Node(Kind.FILE, f.attributes(), f.size(), null);
        } else if (entry instanceof LayerEntry.Symlink s) {
            return new Node(Kind.SYMLINK, s.attributes(), s.target().length(), s.target());
        } else if (entry instanceof LayerEntry.Hardlink h) {
            return new Node(Kind.HARDLINK, null, 0, h.target());
        } else if (entry instanceof LayerEntry.Special s) {
            return new Node(Kind.SPECIAL, s.attributes(), 0, null);
        }
        throw new IllegalArgumentException("not a file: " + entry);
    }

    /**
     * What is at a layer path (the root is {@code ""}), hard links answered by the file they
     * name; a directory that only has entries below it reads as an implied one.
     */
    Optional<Node> lookup(String layerPath) {
        if (layerPath.isEmpty()) {
            return Optional.of(nodes.getOrDefault("", new Node(Kind.DIRECTORY, IMPLIED_DIRECTORY, 0, null)));
        }
        Node node = nodes.get(layerPath);
        for (int hops = 0; node != null && node.kind() == Kind.HARDLINK && hops < MAX_LINKS; hops++) {
            node = nodes.get(node.link());
        }
        if (node == null && hasChildren(layerPath)) {
            node = new Node(Kind.DIRECTORY, IMPLIED_DIRECTORY, 0, null);
        }
        return Optional.ofNullable(node);
    }

    private boolean hasChildren(String layerPath) {
        String prefix = layerPath + "/";
        return nodes.keySet().stream().anyMatch(p -> p.startsWith(prefix));
    }

    /**
     * The layer path that the container path {@code path} names: every symbolic link on the way
     * is followed inside the root; the last component is followed only when {@code followLast}.
     * The result may not exist; InvalidSpec after {@link #MAX_LINKS} links (a loop).
     */
    String resolve(String path, boolean followLast) {
        Deque<String> pending = new ArrayDeque<>();
        push(pending, path);
        Deque<String> resolved = new ArrayDeque<>();
        int links = 0;
        while (!pending.isEmpty()) {
            String part = pending.pollFirst();
            if (part.equals("..")) {
                resolved.pollLast();
                continue;
            }
            resolved.addLast(part);
            Node node = nodes.get(String.join("/", resolved));
            if (node == null || node.kind() != Kind.SYMLINK || (pending.isEmpty() && !followLast)) {
                continue;
            }
            if (++links > MAX_LINKS) {
                throw new InvalidSpecException("unable to resolve " + path + ": too many levels of symbolic links");
            }
            resolved.pollLast();
            if (node.link().startsWith("/")) {
                resolved.clear();
            }
            push(pending, node.link());
        }
        return String.join("/", resolved);
    }

    /** Puts the components of {@code path} before those still pending, dropping empty ones and {@code .}. */
    private static void push(Deque<String> pending, String path) {
        String[] parts = path.split("/");
        for (int i = parts.length - 1; i >= 0; i--) {
            if (!parts[i].isEmpty() && !parts[i].equals(".")) {
                pending.addFirst(parts[i]);
            }
        }
    }

    /** Records what an extraction wrote, so that later entries resolve through it. */
    void put(String layerPath, Node node) {
        nodes.put(layerPath, node);
    }
}
