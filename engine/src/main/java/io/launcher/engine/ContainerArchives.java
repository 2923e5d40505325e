package io.launcher.engine;

import io.launcher.api.FailedPreconditionException;
import io.launcher.api.InternalException;
import io.launcher.api.InvalidSpecException;
import io.launcher.api.NotFoundException;
import io.launcher.api.PathStat;
import io.launcher.layer.TarLayerReader;
import io.launcher.layer.TarLayerWriter;
import io.launcher.spi.isolation.BindMount;
import io.launcher.spi.storage.LayerEntry;
import io.launcher.spi.storage.LayerReader;
import io.launcher.spi.storage.SnapshotKey;
import io.launcher.spi.storage.StorageDriver;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code docker cp}: stat, read and write paths of a container's filesystem, running or not.
 * Reads go through the merged layers as {@code export} does ({@link LayerMerge}, no mount: the
 * container's own writes land in its upper layer, which the host reads as the mount does, and it
 * is frozen meanwhile); writes into a running container go through its live root filesystem
 * ({@link LiveRoot}), into a stopped one's layer by the storage driver, which confines them to it. Paths are resolved on a {@link FileTree} of the container, so symbolic links
 * are followed inside its root and never on the host. A path on a mount is read and written in
 * the mount instead, as Docker does: a volume ({@code -v}) in its bound host folder
 * ({@link VolumeArchives}), the engine's {@code /etc/hosts}, {@code /etc/hostname} and
 * {@code /etc/resolv.conf} in the files a start wrote ({@link ContainerMounts}); a copy of a
 * folder holding a mount point takes the mount's content, and a copy into one writes there
 * ({@link MountedWrites}).
 */
final class ContainerArchives {
    private static final Map<String, Object> COPY_LOCKS = new ConcurrentHashMap<>();

    private final StorageDriver storage;
    private final ContainerRegistry registry;
    private final LayerMerge merge;
    private final DiskReserve reserve;
    private final Path containers;

    /** {@code containers} holds each container's folder, where a start writes its {@code /etc} files. */
    ContainerArchives(StorageDriver storage, ContainerRegistry registry, DiskReserve reserve, Path containers) {
        this.storage = storage;
        this.registry = registry;
        this.reserve = reserve;
        this.containers = containers;
        this.merge = new LayerMerge(storage);
    }

    PathStat stat(String container, String path) {
        ContainerEntry entry = registry.find(container);
        ArchivePath asked = ArchivePath.of(path);
        FileTree tree;
        try {
            tree = tree(chain(entry));
        } catch (IOException e) {
            throw new InternalException("unable to read the filesystem of " + container + ": " + e.getMessage(), e);
        }
        String layerPath = tree.resolve(asked.path(), asked.followLast());
        Optional<VolumeArchives.Target> volume = VolumeArchives.find(binds(entry), layerPath, tree);
        if (volume.isPresent()) {
            return VolumeArchives.stat(volume.get(), asked, container);
        }
        FileTree.Node node = tree.lookup(layerPath).orElseThrow(() -> missing(path, container));
        String linkTarget = node.kind() == FileTree.Kind.SYMLINK ? "/" + tree.resolve(asked.path(), true) : "";
        return new PathStat(asked.baseName(), node.size(), typeBits(node.kind()) | node.attributes().mode(),
                node.attributes().modified(), linkTarget);
    }

    /** Writes the tar of a path; the path is checked before the first byte goes out. */
    void archive(String container, String path, OutputStream out) throws IOException {
        ContainerEntry entry = registry.find(container);
        synchronized (lock(entry)) {
            try (CopyFreeze freeze = CopyFreeze.of(entry)) {
                archive(entry, container, path, out);
            }
        }
    }

    private void archive(ContainerEntry entry, String container, String path, OutputStream out) throws IOException {
        ArchivePath asked = ArchivePath.of(path);
        List<SnapshotKey> chain = chain(entry);
        FileTree tree = tree(chain);
        String layerPath = tree.resolve(asked.path(), asked.followLast());
        Optional<VolumeArchives.Target> volume = VolumeArchives.find(binds(entry), layerPath, tree);
        if (volume.isPresent()) {
            VolumeArchives.archive(volume.get(), layerPath, asked, VolumeArchives.below(binds(entry), layerPath, tree), out);
            return;
        }
        FileTree.Node node = tree.lookup(layerPath).orElseThrow(() -> missing(path, container));
        TarLayerWriter tar = new TarLayerWriter(out);
        List<VolumeArchives.Mounted> mounted = node.isDirectory() ? VolumeArchives.below(binds(entry), layerPath, tree)
                : List.of();
        SubtreeCopy copy = new SubtreeCopy(layerPath, asked.entryName(), tar,
                mounted.stream().map(VolumeArchives.Mounted::destination).collect(Collectors.toSet()));
        if (layerPath.isEmpty()) {
            tar.write(new LayerEntry.Directory(asked.entryName(), node.attributes()));
        }
        merge.run(chain, copy::accept);
        if (copy.hasOrphanLinks()) {
            merge.run(chain, copy::materialize);
        }
        for (VolumeArchives.Mounted mount : mounted) {
            VolumeArchives.archive(mount, copy.name(mount.destination()), tar, mounted);
        }
        tar.finish();
    }

    /** Extracts a tar into the directory {@code path}; concurrent copies into one container take turns. */
    void extract(String container, String path, InputStream body, boolean copyOwners, boolean noOverwriteDirNonDir)
            throws IOException {
        ContainerEntry entry = registry.find(container);
        ArchivePath asked = ArchivePath.of(path);
        synchronized (lock(entry)) {
            try (CopyFreeze freeze = CopyFreeze.of(entry)) {
                extract(entry, container, asked, body, copyOwners, noOverwriteDirNonDir);
            }
        }
    }

    private void extract(ContainerEntry entry, String container, ArchivePath asked, InputStream body, boolean copyOwners,
                         boolean noOverwriteDirNonDir) throws IOException {
        List<SnapshotKey> chain = chain(entry);
        FileTree tree = tree(chain);
        String directory = tree.resolve(asked.path(), true);
        Optional<VolumeArchives.Target> volume = VolumeArchives.find(binds(entry), directory, tree);
        if (volume.isPresent()) {
            List<BindMount> binds = binds(entry);
            VolumeArchives.extract(volume.get(), asked, container, body, copyOwners, reserve,
                    entries -> MountedWrites.intoVolume(volume.get().bind(), directory, entries, binds, tree));
            return;
        }
        if (entry.record().hostConfig().readonlyRootfs()) {
            throw new FailedPreconditionException("container rootfs is marked read-only");
        }
        FileTree.Node node = tree.lookup(directory).orElseThrow(() -> missing(asked.path(), container));
        if (!node.isDirectory()) {
            throw new InvalidSpecException("extraction point is not a directory");
        }
        try (TarLayerReader tar = new TarLayerReader(body, null, reserve.meter())) {
            ArchiveExtraction extraction = new ArchiveExtraction(tree, directory, tar, copyOwners, noOverwriteDirNonDir);
            List<BindMount> binds = binds(entry);
            MountedWrites writes = new MountedWrites(extraction, binds, tree);
            Optional<LiveRoot> live = LiveRoot.of(entry, binds);
            try {
                write(live, chain.get(0), writes);
            } catch (IOException | RuntimeException e) {
                undo(live, chain.get(0), extraction, writes, e);
                throw e;
            }
        }
    }

    /**
     * The container's own share of a copy: through its live root when it runs (overlayfs must see
     * the change, see {@link LiveRoot}), into its layer by the storage driver when it does not.
     */
    private void write(Optional<LiveRoot> live, SnapshotKey layer, LayerReader entries) throws IOException {
        if (live.isPresent()) {
            LiveRootWrites.write(live.get(), entries, storage, layer);
        } else {
            storage.apply(layer, entries);
        }
    }

    /** A failed copy (a full disk, a refused entry) takes back the files it added to the layer. */
    private void undo(Optional<LiveRoot> live, SnapshotKey layer, ArchiveExtraction extraction, MountedWrites writes,
                      Exception failure) {
        try {
            write(live, layer, extraction.undo(writes::mounted));
        } catch (IOException | RuntimeException cleanup) {
            failure.addSuppressed(cleanup);
        }
    }

    /**
     * Copies of one container take turns (an extraction reads the tree it then changes); the
     * entry's own monitor is not used, so that {@code ps} and {@code inspect} never wait for a copy.
     */
    private static Object lock(ContainerEntry entry) {
        return COPY_LOCKS.computeIfAbsent(entry.record().id(), id -> new Object());
    }

    private List<BindMount> binds(ContainerEntry entry) {
        ContainerRecord record = entry.record();
        return ContainerMounts.of(record, containers.resolve(record.id()));
    }

    private List<SnapshotKey> chain(ContainerEntry entry) {
        return merge.chain(new SnapshotKey(entry.record().id()));
    }

    private FileTree tree(List<SnapshotKey> chain) throws IOException {
        FileTree tree = new FileTree();
        merge.run(chain, tree::add);
        return tree;
    }

    private static NotFoundException missing(String path, String container) {
        return new NotFoundException("Could not find the file " + path + " in container " + container);
    }

    private static int typeBits(FileTree.Kind kind) {
        return switch (kind) {
            case DIRECTORY -> PathStat.DIRECTORY;
            case SYMLINK -> PathStat.SYMLINK;
            case SPECIAL -> 0010000;
            case FILE, HARDLINK -> PathStat.REGULAR;
        };
    }
}
