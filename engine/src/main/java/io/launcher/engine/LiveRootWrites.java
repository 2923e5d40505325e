package io.launcher.engine;

import io.launcher.layer.HostDirectory;
import io.launcher.spi.storage.FileAttributes;
import io.launcher.spi.storage.LayerEntry;
import io.launcher.spi.storage.LayerReader;
import io.launcher.spi.storage.SnapshotKey;
import io.launcher.spi.storage.StorageDriver;
import io.launcher.spi.storage.directory.ConfinedRoot;
import io.launcher.spi.storage.directory.FileNodes;
import io.launcher.spi.storage.directory.Trees;
import io.launcher.spi.storage.directory.Xattrs;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A {@code cp} extraction into a running container, written through its {@link LiveRoot}: what a
 * layer apply does, done through the mount so that overlayfs sees it (a copy-up, a new name, a
 * replaced file), as Docker's extraction does. The entries arrive as layer paths already resolved
 * in the container; every parent is checked again without following links ({@link ConfinedRoot}),
 * and the container is frozen meanwhile ({@link CopyFreeze}). A whiteout (a failed copy taking back
 * what it added) deletes the path; an entry of another kind than the node it lands on replaces it
 * (the extraction allows that only without {@code noOverwriteDirNonDir}). An entry on another mount
 * of the container ({@code /dev}, {@code /proc}...) goes to the container's own layer, below that
 * mount, where Docker's copy puts it too.
 */
final class LiveRootWrites implements LayerReader {
    private final LiveRoot live;
    private final ConfinedRoot root;
    private final LayerReader source;
    private final StorageDriver storage;
    private final SnapshotKey layer;
    /** The entry passed on last, whose extended attributes go on once it is written and owned. */
    private LayerEntry written;

    private LiveRootWrites(LiveRoot live, LayerReader source, StorageDriver storage, SnapshotKey layer) {
        this.live = live;
        this.root = new ConfinedRoot(live.root());
        this.source = source;
        this.storage = storage;
        this.layer = layer;
    }

    /** Writes {@code entries} through {@code live}; those on its other mounts go to {@code layer}. */
    static void write(LiveRoot live, LayerReader entries, StorageDriver storage, SnapshotKey layer) throws IOException {
        LiveRootWrites writes = new LiveRootWrites(live, entries, storage, layer);
        HostDirectory.write(writes, live.root(), UnaryOperator.identity(), true);
        writes.xattrs();
    }

    @Override
    public Optional<LayerEntry> next() throws IOException {
        xattrs();
        for (Optional<LayerEntry> next = source.next(); next.isPresent(); next = source.next()) {
            LayerEntry entry = next.get();
            if (live.onOtherMount(entry.path())) {
                storage.apply(layer, single(entry));
            } else if (entry instanceof LayerEntry.Whiteout) {
                delete(entry.path());
            } else if (entry instanceof LayerEntry.Special s && s.type() != LayerEntry.SpecialType.FIFO) {
                device(s);
            } else {
                replaceOtherKind(entry);
                written = entry;
                return next;
            }
        }
        return Optional.empty();
    }

    /** A directory never holds a file's place nor the reverse: the old node goes first. */
    private void replaceOtherKind(LayerEntry entry) throws IOException {
        if (entry instanceof LayerEntry.Hardlink) {
            return;
        }
        Path target = root.resolve(entry.path(), true);
        BasicFileAttributes existing = ConfinedRoot.lstat(target);
        if (existing != null && existing.isDirectory() != (entry instanceof LayerEntry.Directory)) {
            Trees.delete(target);
        }
    }

    private void delete(String layerPath) throws IOException {
        try {
            Trees.delete(root.resolve(layerPath, false));
        } catch (NoSuchFileException e) {
            // A parent is gone already: so is the path.
        }
    }

    /** Character and block devices, which {@link HostDirectory} leaves out of a volume. */
    private void device(LayerEntry.Special special) throws IOException {
        Path target = root.resolve(special.path(), true);
        Trees.delete(target);
        FileAttributes attributes = special.attributes();
        FileNodes.mknod(target, special.type(), attributes.mode(), special.major(), special.minor());
        FileNodes.lchown(target, attributes.uid(), attributes.gid());
        FileNodes.chmod(target, attributes.mode());
        FileNodes.setModified(target, attributes.modified());
        setXattrs(target, attributes);
    }

    /** The extended attributes of the entry written last; chown drops some (security.capability), so after it. */
    private void xattrs() throws IOException {
        LayerEntry entry = written;
        written = null;
        FileAttributes attributes = entry instanceof LayerEntry.Directory d ? d.attributes()
                : entry instanceof LayerEntry.RegularFile f ? f.attributes()
                : entry instanceof LayerEntry.Symlink s ? s.attributes()
                : entry instanceof LayerEntry.Special s ? s.attributes() : null;
        if (attributes != null && !attributes.xattrs().isEmpty()) {
            setXattrs(root.resolve(entry.path(), false), attributes);
        }
    }

    private static void setXattrs(Path target, FileAttributes attributes) {
        for (Map.Entry<String, byte[]> xattr : attributes.xattrs().entrySet()) {
            Xattrs.set(target, xattr.getKey(), xattr.getValue());
        }
    }

    private static LayerReader single(LayerEntry entry) {
        Iterator<LayerEntry> one = List.of(entry).iterator();
        return () -> one.hasNext() ? Optional.of(one.next()) : Optional.empty();
    }
}
