package io.launcher.spi.storage.directory;

import io.launcher.api.InvalidSpecException;
import io.launcher.spi.storage.FileAttributes;
import io.launcher.spi.storage.FileContent;
import io.launcher.spi.storage.LayerEntry;
import io.launcher.spi.storage.LayerReader;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Writes neutral layer entries into a layer directory, as tar would, never outside it. */
final class LayerApply {
    private final ConfinedRoot root;
    private final List<ConfinedRoot> parents;
    private final WhiteoutForm form;
    private final List<Map.Entry<Path, Instant>> directoryTimes = new ArrayList<>();

    LayerApply(ConfinedRoot root, List<ConfinedRoot> parents, WhiteoutForm form) {
        this.root = root;
        this.parents = parents;
        this.form = form;
    }

    void run(LayerReader reader) throws IOException {
        for (Optional<LayerEntry> entry = reader.next(); entry.isPresent(); entry = reader.next()) {
            apply(entry.get());
        }
        // Writing below a directory changes its time: set directory times last, deepest first.
        for (int i = directoryTimes.size() - 1; i >= 0; i--) {
            FileNodes.setModified(directoryTimes.get(i).getKey(), directoryTimes.get(i).getValue());
        }
    }

    private void apply(LayerEntry entry) throws IOException {
        Path target = root.resolve(entry.path(), true);
        if (entry instanceof LayerEntry.Directory d) {
            directory(target);
            attributes(target, d.attributes(), false);
            directoryTimes.add(Map.entry(target, d.attributes().modified()));
        } else if (entry instanceof LayerEntry.RegularFile f) {
            replace(target);
            if (f.content() instanceof FileContent file) {
                copyFile(file.channel(), f.size(), target);
            } else {
                try (OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                    f.content().transferTo(out);
                }
            }
            attributes(target, f.attributes(), true);
        } else if (entry instanceof LayerEntry.Symlink s) {
            replace(target);
            FileNodes.symlink(s.target(), target);
            attributes(target, s.attributes(), true);
        } else if (entry instanceof LayerEntry.Hardlink h) {
            Path existing = linkTarget(h);
            replace(target);
            Files.createLink(target, existing);
        } else if (entry instanceof LayerEntry.Special s) {
            replace(target);
            FileNodes.mknod(target, s.type(), s.attributes().mode(), s.major(), s.minor());
            attributes(target, s.attributes(), true);
        } else if (entry instanceof LayerEntry.Whiteout) {
            replace(target);
            form.writeWhiteout(target.getParent(), target.getFileName().toString());
        } else if (entry instanceof LayerEntry.OpaqueDirectory) {
            directory(target);
            form.markOpaque(target);
        }
    }

    /**
     * A file another driver scan offers (a commit): the kernel copies its {@code size} bytes, none
     * pass through the heap, and the file's position is left alone for whoever digests it meanwhile.
     */
    private static void copyFile(FileChannel source, long size, Path target) throws IOException {
        try (FileChannel out = FileChannel.open(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            long copied = 0;
            while (copied < size) {
                long n = source.transferTo(copied, size - copied, out);
                if (n <= 0) {
                    break;
                }
                copied += n;
            }
            if (copied != size) {
                throw new IOException("content of " + target.getFileName() + " has " + copied + " bytes, not " + size);
            }
        }
    }

    /** Keeps an existing directory (tar merges into it); replaces anything else with a new one. */
    private static void directory(Path target) throws IOException {
        BasicFileAttributes existing = ConfinedRoot.lstat(target);
        if (existing != null && existing.isDirectory()) {
            return;
        }
        replace(target);
        Files.createDirectory(target);
    }

    /** Removes whatever is at {@code target}, a whole tree included, without following links. */
    static void replace(Path target) throws IOException {
        BasicFileAttributes existing = ConfinedRoot.lstat(target);
        if (existing == null) {
            return;
        }
        if (existing.isDirectory()) {
            Trees.delete(target);
        } else {
            Files.delete(target);
        }
    }

    /** Owners first (chown clears setuid and file capabilities), then mode, attributes, time. */
    private static void attributes(Path target, FileAttributes attributes, boolean setTime) throws IOException {
        FileNodes.lchown(target, attributes.uid(), attributes.gid());
        boolean symlink = Files.isSymbolicLink(target);
        if (!symlink) {
            FileNodes.chmod(target, attributes.mode());
        }
        for (Map.Entry<String, byte[]> xattr : attributes.xattrs().entrySet()) {
            Xattrs.set(target, xattr.getKey(), xattr.getValue());
        }
        if (setTime) {
            FileNodes.setModified(target, attributes.modified());
        }
    }

    /** The file a hard link points to: in this layer, or copied up from the nearest parent holding it. */
    private Path linkTarget(LayerEntry.Hardlink link) throws IOException {
        Path inLayer = root.resolve(link.target(), true);
        BasicFileAttributes here = ConfinedRoot.lstat(inLayer);
        if (here != null && !here.isDirectory()) {
            return inLayer;
        }
        for (ConfinedRoot parent : parents) {
            Path source;
            try {
                source = parent.resolve(link.target(), false);
            } catch (NoSuchFileException | InvalidSpecException e) {
                continue;
            }
            BasicFileAttributes below = ConfinedRoot.lstat(source);
            if (below != null && !below.isDirectory()) {
                copyUp(source, inLayer);
                return inLayer;
            }
        }
        throw new InvalidSpecException("hard link " + link.path() + " points to missing " + link.target());
    }

    private void copyUp(Path source, Path target) throws IOException {
        replace(target);
        FileNodes.Stat stat = FileNodes.lstat(source);
        if (stat.isRegularFile()) {
            Files.copy(source, target);
        } else if (stat.isSymbolicLink()) {
            FileNodes.symlink(FileNodes.readlink(source), target);
        } else {
            throw new InvalidSpecException("refusing to copy up " + source.getFileName() + ": not a file");
        }
        FileNodes.lchown(target, stat.uid(), stat.gid());
        if (!stat.isSymbolicLink()) {
            FileNodes.chmod(target, stat.mode());
        }
        for (Map.Entry<String, byte[]> xattr : Xattrs.all(source).entrySet()) {
            if (!form.isInternalXattr(xattr.getKey())) {
                Xattrs.set(target, xattr.getKey(), xattr.getValue());
            }
        }
        FileNodes.setModified(target, stat.modified());
    }
}
