package io.launcher.layer;

import io.launcher.spi.storage.FileAttributes;
import io.launcher.spi.storage.LayerEntry;
import io.launcher.spi.storage.LayerReader;
import io.launcher.spi.storage.LayerWriter;
import io.launcher.spi.storage.directory.ConfinedRoot;
import io.launcher.spi.storage.directory.FileNodes;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * A plain host directory as neutral entries, and entries written below one: the host side of
 * {@code cp}, and the volumes bound into a container. Writing never leaves the directory: every
 * parent is checked without following links ({@link ConfinedRoot}), so an archive cannot write
 * through a symbolic link it brought or found. Owners are set only when asked (the docker CLI
 * leaves them on the host; the engine sets them in a volume as in the container's layer).
 */
public final class HostDirectory {
    private HostDirectory() {
    }

    /** Writes {@code source} (not followed when a link) as {@code name}, its content below {@code name/}; {@code .} names the content only. */
    public static void read(Path source, String name, LayerWriter out) throws IOException {
        read(source, name, out, relative -> false);
    }

    /**
     * Like {@link #read(Path, String, LayerWriter)}, leaving out what {@code skipped} names: a path
     * relative to {@code source} (e.g. {@code a/b}), and everything below it. Another mount covers
     * it where the folder is bound, so its content here is not what the container sees.
     */
    public static void read(Path source, String name, LayerWriter out, Predicate<String> skipped) throws IOException {
        Map<Long, String> linked = new HashMap<>();
        new Walk(out, linked, skipped).walk(source, "", name.equals(".") ? "" : name);
    }

    private record Walk(LayerWriter out, Map<Long, String> linked, Predicate<String> skipped) {
        void walk(Path path, String relative, String name) throws IOException {
            if (!relative.isEmpty() && skipped.test(relative)) {
                return;
            }
            FileNodes.Stat stat = FileNodes.lstat(path);
            if (stat.isDirectory()) {
                if (!name.isEmpty()) {
                    out.write(new LayerEntry.Directory(name, attributes(stat)));
                }
                TreeSet<String> children = new TreeSet<>();
                try (DirectoryStream<Path> listing = Files.newDirectoryStream(path)) {
                    listing.forEach(child -> children.add(child.getFileName().toString()));
                }
                for (String child : children) {
                    walk(path.resolve(child), relative.isEmpty() ? child : relative + "/" + child,
                            name.isEmpty() ? child : name + "/" + child);
                }
            } else {
                HostDirectory.leaf(path, name, stat, out, linked);
            }
        }
    }

    private static FileAttributes attributes(FileNodes.Stat stat) {
        return new FileAttributes(stat.mode(), stat.uid(), stat.gid(), stat.modified(), Map.of());
    }

    private static void leaf(Path path, String name, FileNodes.Stat stat, LayerWriter out, Map<Long, String> linked)
            throws IOException {
        FileAttributes attributes = attributes(stat);
        if (stat.isRegularFile()) {
            String first = stat.links() > 1 ? linked.putIfAbsent(stat.inode(), name) : null;
            if (first != null) {
                out.write(new LayerEntry.Hardlink(name, first));
                return;
            }
            try (InputStream content = Files.newInputStream(path)) {
                out.write(new LayerEntry.RegularFile(name, attributes, stat.size(), content));
            }
        } else if (stat.isSymbolicLink()) {
            out.write(new LayerEntry.Symlink(name, attributes, FileNodes.readlink(path)));
        } else if ((stat.mode() & 0170000) == 0010000) {
            out.write(new LayerEntry.Special(name, attributes, LayerEntry.SpecialType.FIFO, 0, 0));
        }
        // Sockets and devices are not copied: a device node from a host has no place in a copy.
    }

    /**
     * Writes the entries below {@code directory}, each renamed by {@code rename} (empty: skip);
     * a directory never replaces a non-directory nor the reverse (Docker's noOverwriteDirNonDir).
     */
    public static void write(LayerReader entries, Path directory, UnaryOperator<String> rename, boolean setOwners)
            throws IOException {
        ConfinedRoot root = new ConfinedRoot(directory);
        List<Map.Entry<Path, Instant>> directoryTimes = new ArrayList<>();
        for (Optional<LayerEntry> next = entries.next(); next.isPresent(); next = entries.next()) {
            LayerEntry entry = next.get();
            String name = rename.apply(entry.path());
            if (entry instanceof LayerEntry.Hardlink h) {
                entry = new LayerEntry.Hardlink(h.path(), rename.apply(h.target()));
            }
            if (!name.isEmpty()) {
                writeOne(entry, root, name, directoryTimes);
                if (setOwners) {
                    owners(entry, root.resolve(name, false));
                }
            }
        }
        // Writing below a directory changes its time: set directory times last, deepest first.
        for (int i = directoryTimes.size() - 1; i >= 0; i--) {
            FileNodes.setModified(directoryTimes.get(i).getKey(), directoryTimes.get(i).getValue());
        }
    }

    private static void owners(LayerEntry entry, Path target) throws IOException {
        FileAttributes attributes = entry instanceof LayerEntry.Directory d ? d.attributes()
                : entry instanceof LayerEntry.RegularFile f ? f.attributes()
                : entry instanceof LayerEntry.Symlink s ? s.attributes()
                : entry instanceof LayerEntry.Special s ? s.attributes() : null;
        if (attributes != null) {
            FileNodes.lchown(target, attributes.uid(), attributes.gid());
            if (!(entry instanceof LayerEntry.Symlink)) {
                // chown clears setuid and setgid: the mode goes on again after it.
                FileNodes.chmod(target, attributes.mode());
            }
        }
    }

    private static void writeOne(LayerEntry entry, ConfinedRoot root, String name,
                                 List<Map.Entry<Path, Instant>> directoryTimes) throws IOException {
        Path target = root.resolve(name, true);
        BasicFileAttributes existing = ConfinedRoot.lstat(target);
        boolean directoryEntry = entry instanceof LayerEntry.Directory;
        if (existing != null && existing.isDirectory() != directoryEntry) {
            throw new FileAlreadyExistsException(target.toString(), null, existing.isDirectory()
                    ? "cannot overwrite directory with non-directory" : "cannot overwrite non-directory with directory");
        }
        if (existing != null && !directoryEntry) {
            Files.delete(target);
        }
        if (entry instanceof LayerEntry.Directory d) {
            if (existing == null) {
                Files.createDirectory(target);
            }
            FileNodes.chmod(target, d.attributes().mode());
            directoryTimes.add(Map.entry(target, d.attributes().modified()));
        } else if (entry instanceof LayerEntry.RegularFile f) {
            try (OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW)) {
                f.content().transferTo(out);
            }
            FileNodes.chmod(target, f.attributes().mode());
            FileNodes.setModified(target, f.attributes().modified());
        } else if (entry instanceof LayerEntry.Symlink s) {
            FileNodes.symlink(s.target(), target);
            FileNodes.setModified(target, s.attributes().modified());
        } else if (entry instanceof LayerEntry.Hardlink h) {
            Path linked = root.resolve(h.target(), false);
            BasicFileAttributes attributes = ConfinedRoot.lstat(linked);
            if (attributes == null || !attributes.isRegularFile()) {
                throw new IOException("hard link " + name + " points to missing " + h.target());
            }
            Files.createLink(target, linked);
        } else if (entry instanceof LayerEntry.Special s && s.type() == LayerEntry.SpecialType.FIFO) {
            FileNodes.mknod(target, s.type(), s.attributes().mode(), 0, 0);
        }
    }
}
