package io.launcher.spi.storage.directory;

import io.launcher.api.InvalidSpecException;
import io.launcher.spi.storage.FileAttributes;
import io.launcher.spi.storage.FileContent;
import io.launcher.spi.storage.LayerEntry;
import io.launcher.spi.storage.LayerReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
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
    private final KnownDirectories known = new KnownDirectories();
    private final byte[] buffer = new byte[1 << 18];

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
        String path = entry.path();
        Path target = resolve(path);
        if (entry instanceof LayerEntry.Directory d) {
            directory(path, target);
            attributes(target, d.attributes(), false, false);
            directoryTimes.add(Map.entry(target, d.attributes().modified()));
            return;
        }
        if (entry instanceof LayerEntry.OpaqueDirectory) {
            directory(path, target);
            form.markOpaque(target);
            return;
        }
        // Whatever this entry puts at the path, no directory is known there or below any more.
        known.forget(path);
        if (entry instanceof LayerEntry.RegularFile f) {
            regularFile(f, target);
            attributes(target, f.attributes(), false, true);
        } else if (entry instanceof LayerEntry.Symlink s) {
            if (!FileNodes.symlinkIfAbsent(s.target(), target)) {
                replace(target);
                FileNodes.symlink(s.target(), target);
            }
            attributes(target, s.attributes(), true, true);
        } else if (entry instanceof LayerEntry.Hardlink h) {
            Path existing = linkTarget(h);
            replace(target);
            Files.createLink(target, existing);
        } else if (entry instanceof LayerEntry.Special s) {
            replace(target);
            FileNodes.mknod(target, s.type(), s.attributes().mode(), s.major(), s.minor());
            attributes(target, s.attributes(), false, true);
        } else if (entry instanceof LayerEntry.Whiteout) {
            replace(target);
            form.writeWhiteout(target.getParent(), target.getFileName().toString());
        }
    }

    /**
     * The host path of {@code layerPath}: below a directory this apply already knows, without
     * looking at each parent again; else checked (and created) by {@link ConfinedRoot}, and its
     * parents known from then on.
     */
    private Path resolve(String layerPath) throws IOException {
        int slash = layerPath.lastIndexOf('/');
        if (slash < 0 || known.contains(layerPath.substring(0, slash))) {
            ConfinedRoot.components(layerPath);
            return root.root().resolve(layerPath);
        }
        Path target = root.resolve(layerPath, true);
        for (int i = layerPath.indexOf('/'); i >= 0; i = layerPath.indexOf('/', i + 1)) {
            known.add(layerPath.substring(0, i));
        }
        return target;
    }

    /**
     * A new file holding the entry's content. It is created exclusively ({@code O_EXCL} never
     * follows a link): only when something is already there is it looked at and replaced.
     */
    private void regularFile(LayerEntry.RegularFile file, Path target) throws IOException {
        try (FileChannel out = createFile(target)) {
            if (file.content() instanceof FileContent content) {
                copyFile(content.channel(), file.size(), target, out);
            } else {
                copyStream(file.content(), out);
            }
        }
    }

    private static FileChannel createFile(Path target) throws IOException {
        try {
            return FileChannel.open(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (FileAlreadyExistsException e) {
            replace(target);
            return FileChannel.open(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        }
    }

    /** Large writes: a layer's typical 64 kB file is one read from the tar and one write(2). */
    private void copyStream(InputStream in, FileChannel out) throws IOException {
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            ByteBuffer bytes = ByteBuffer.wrap(buffer, 0, n);
            while (bytes.hasRemaining()) {
                out.write(bytes);
            }
        }
    }

    /**
     * A file another driver scan offers (a commit): the kernel copies its {@code size} bytes, none
     * pass through the heap, and the file's position is left alone for whoever digests it meanwhile.
     */
    private static void copyFile(FileChannel source, long size, Path target, FileChannel out) throws IOException {
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

    /**
     * Keeps an existing directory (tar merges into it); replaces anything else with a new one.
     * Created first, looked at only when something is already there.
     */
    private void directory(String layerPath, Path target) throws IOException {
        if (known.contains(layerPath)) {
            return;
        }
        try {
            Files.createDirectory(target);
        } catch (FileAlreadyExistsException e) {
            BasicFileAttributes existing = ConfinedRoot.lstat(target);
            if (existing == null || !existing.isDirectory()) {
                known.forget(layerPath);
                replace(target);
                Files.createDirectory(target);
            }
        }
        known.add(layerPath);
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

    /**
     * Owners first (chown clears setuid and file capabilities), then mode, attributes, time. The
     * caller has just made the node, so it knows whether it is a symbolic link (which keeps its mode).
     */
    private static void attributes(Path target, FileAttributes attributes, boolean symlink, boolean setTime)
            throws IOException {
        FileNodes.lchown(target, attributes.uid(), attributes.gid());
        if (!symlink) {
            FileNodes.chmodNode(target, attributes.mode());
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
        known.forget(root.root().relativize(target).toString());
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
