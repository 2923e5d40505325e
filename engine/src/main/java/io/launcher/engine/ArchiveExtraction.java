package io.launcher.engine;

import io.launcher.api.InvalidSpecException;
import io.launcher.spi.storage.FileAttributes;
import io.launcher.spi.storage.LayerEntry;
import io.launcher.spi.storage.LayerReader;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The entries of a {@code docker cp} tar moved under the extraction directory, as the container
 * sees them: each entry's parent is resolved inside the container's root (a symbolic link there,
 * even one the tar itself brought, leads to its target within the root, never out of it); a
 * missing parent is created, and an existing one the image holds is written again with its own
 * attributes first, so that copying into {@code /tmp} keeps {@code /tmp}'s mode in the container's
 * layer. Whiteouts are refused: a copy adds files, it does not delete the image's.
 */
final class ArchiveExtraction implements LayerReader {
    private final FileTree tree;
    private final String directory;
    private final LayerReader source;
    private final boolean copyOwners;
    private final boolean noOverwriteDirNonDir;
    private final Deque<LayerEntry> pending = new ArrayDeque<>();
    /** Directories already written to the container's layer by this extraction. */
    private final Set<String> written = new HashSet<>();
    /** Paths this extraction added that the container did not have, in the order they came. */
    private final Set<String> added = new LinkedHashSet<>();

    ArchiveExtraction(FileTree tree, String directory, LayerReader source, boolean copyOwners,
                      boolean noOverwriteDirNonDir) {
        this.tree = tree;
        this.directory = directory;
        this.source = source;
        this.copyOwners = copyOwners;
        this.noOverwriteDirNonDir = noOverwriteDirNonDir;
    }

    @Override
    public Optional<LayerEntry> next() throws IOException {
        if (pending.isEmpty()) {
            Optional<LayerEntry> entry = source.next();
            if (entry.isEmpty()) {
                return entry;
            }
            place(entry.get());
        }
        return Optional.of(pending.pollFirst());
    }

    private void place(LayerEntry entry) {
        if (entry instanceof LayerEntry.Whiteout || entry instanceof LayerEntry.OpaqueDirectory) {
            throw new InvalidSpecException("refusing to copy whiteout entry " + entry.path());
        }
        String target = target(entry.path());
        if (target.isEmpty()) {
            return;
        }
        ensureParents(target);
        checkOverwrite(entry, target);
        LayerEntry moved = moved(entry, target);
        if (tree.lookup(target).isEmpty()) {
            added.add(target);
        }
        tree.put(target, FileTree.nodeOf(moved));
        if (moved instanceof LayerEntry.Directory) {
            written.add(target);
        }
        pending.addLast(moved);
    }

    /**
     * What undoes a failed extraction's additions: a whiteout for each path it added whose parent
     * it did not add too (removing a folder takes what is below it). Files it replaced keep what
     * was written into them, as with Docker; paths on a mount ({@code mounted}) are not the layer's.
     */
    LayerReader undo(Predicate<String> mounted) {
        var paths = added.stream().filter(p -> !added.contains(parentOf(p)) && !mounted.test(p)).iterator();
        return () -> paths.hasNext() ? Optional.of(new LayerEntry.Whiteout(paths.next())) : Optional.empty();
    }

    private static String parentOf(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    /** The layer path an archive path lands on: its parent resolved in the container, then its name. */
    String target(String archivePath) {
        int slash = archivePath.lastIndexOf('/');
        String parent = slash < 0 ? "" : archivePath.substring(0, slash);
        String resolvedParent = tree.resolve("/" + directory + "/" + parent, true);
        String name = archivePath.substring(slash + 1);
        return resolvedParent.isEmpty() ? name : resolvedParent + "/" + name;
    }

    private void ensureParents(String target) {
        int slash = target.indexOf('/');
        while (slash > 0) {
            String parent = target.substring(0, slash);
            slash = target.indexOf('/', slash + 1);
            if (!written.add(parent)) {
                continue;
            }
            Optional<FileTree.Node> node = tree.lookup(parent);
            if (node.isPresent() && !node.get().isDirectory()) {
                throw new InvalidSpecException("unable to extract " + target + ": /" + parent + " is not a directory");
            }
            FileAttributes attributes = node.map(FileTree.Node::attributes)
                    .orElse(new FileAttributes(0755, 0, 0, Instant.now(), Map.of()));
            if (node.isEmpty()) {
                added.add(parent);
            }
            pending.addLast(new LayerEntry.Directory(parent, attributes));
            tree.put(parent, new FileTree.Node(FileTree.Kind.DIRECTORY, attributes, 0, null));
        }
    }

    private void checkOverwrite(LayerEntry entry, String target) {
        Optional<FileTree.Node> existing = tree.lookup(target);
        if (!noOverwriteDirNonDir || existing.isEmpty()) {
            return;
        }
        boolean directoryEntry = entry instanceof LayerEntry.Directory;
        if (existing.get().isDirectory() && !directoryEntry) {
            throw new InvalidSpecException("cannot overwrite directory \"/" + target + "\" with non-directory \"/"
                    + target + "\"");
        }
        if (!existing.get().isDirectory() && directoryEntry) {
            throw new InvalidSpecException("cannot overwrite non-directory \"/" + target + "\" with directory \"/"
                    + target + "\"");
        }
    }

    private LayerEntry moved(LayerEntry entry, String target) {
        if (entry instanceof LayerEntry.Directory d) {
            return new LayerEntry.Directory(target, owners(d.attributes()));
        } else if (entry instanceof LayerEntry.RegularFile f) {
            return new LayerEntry.RegularFile(target, owners(f.attributes()), f.size(), f.content());
        } else if (entry instanceof LayerEntry.Symlink s) {
            return new LayerEntry.Symlink(target, owners(s.attributes()), s.target());
        } else if (entry instanceof LayerEntry.Hardlink h) {
            return new LayerEntry.Hardlink(target, target(h.target()));
        } else if (entry instanceof LayerEntry.Special s) {
            return new LayerEntry.Special(target, owners(s.attributes()), s.type(), s.major(), s.minor());
        }
        throw new InvalidSpecException("refusing to copy entry " + entry.path());
    }

    /** Without {@code -a} the files belong to the container's root, as Docker's do. */
    private FileAttributes owners(FileAttributes attributes) {
        return copyOwners ? attributes
                : new FileAttributes(attributes.mode(), 0, 0, attributes.modified(), attributes.xattrs());
    }
}
