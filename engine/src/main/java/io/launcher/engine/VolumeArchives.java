package io.launcher.engine;

import io.launcher.api.FailedPreconditionException;
import io.launcher.api.InternalException;
import io.launcher.api.InvalidSpecException;
import io.launcher.api.NotFoundException;
import io.launcher.api.PathStat;
import io.launcher.layer.HostDirectory;
import io.launcher.layer.TarLayerReader;
import io.launcher.layer.TarLayerWriter;
import io.launcher.spi.isolation.BindMount;
import io.launcher.spi.storage.FileAttributes;
import io.launcher.spi.storage.LayerEntry;
import io.launcher.spi.storage.LayerReader;
import io.launcher.spi.storage.LayerWriter;
import io.launcher.spi.storage.directory.ConfinedRoot;
import io.launcher.spi.storage.directory.FileNodes;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * {@code docker cp} on a path inside a volume bound into the container ({@code -v}): the copy
 * reads and writes the bound host folder, as Docker does, confined to it. A symbolic link inside
 * the volume is not followed (it would have to be resolved in the container, which may lead out
 * of the volume): it is reported, copied or refused as a link. A copy of a folder holding mount
 * points (a copy of {@code /}, or of a volume with another mounted inside it) takes each mount's
 * content where the container sees it, not the folder below it.
 */
final class VolumeArchives {
    /** A path inside a bind: the bind and the path below its destination ({@code ""} for the bind itself). */
    record Target(BindMount bind, String rest) {
        Path host() throws IOException {
            return rest.isEmpty() ? bind.source() : new ConfinedRoot(bind.source()).resolve(rest, false);
        }
    }

    /** A bind and where it is mounted, as a layer path. */
    record Mounted(BindMount bind, String destination) {
    }

    private VolumeArchives() {
    }

    /**
     * The bind holding {@code layerPath}, the deepest when binds nest. A destination is resolved in
     * the container's tree as the mount was: a link on its way leads where the mount really is.
     */
    static Optional<Target> find(List<BindMount> binds, String layerPath, FileTree tree) {
        Target found = null;
        int foundLength = -1;
        for (BindMount bind : binds) {
            String destination = tree.resolve(bind.destination(), true);
            boolean inside = destination.isEmpty() || layerPath.equals(destination)
                    || layerPath.startsWith(destination + "/");
            if (inside && destination.length() > foundLength) {
                String rest = layerPath.equals(destination) ? ""
                        : layerPath.substring(destination.isEmpty() ? 0 : destination.length() + 1);
                found = new Target(bind, rest);
                foundLength = destination.length();
            }
        }
        return Optional.ofNullable(found);
    }

    /**
     * The binds mounted strictly below {@code layerPath} (anywhere when it is the root), each with
     * its destination resolved in the container, outer ones first; of two binds on one destination
     * the later, which the container sees, is kept.
     */
    static List<Mounted> below(List<BindMount> binds, String layerPath, FileTree tree) {
        Map<String, Mounted> found = new TreeMap<>();
        for (BindMount bind : binds) {
            String destination = tree.resolve(bind.destination(), true);
            if (!destination.isEmpty() && (layerPath.isEmpty() || destination.startsWith(layerPath + "/"))) {
                found.put(destination, new Mounted(bind, destination));
            }
        }
        return List.copyOf(found.values());
    }

    /**
     * What of the folder at {@code layerPath} other mounts cover: paths relative to it, as
     * {@link HostDirectory#read(Path, String, LayerWriter, java.util.function.Predicate)} skips them.
     */
    static Predicate<String> covered(String layerPath, List<Mounted> mounts) {
        List<String> relative = mounts.stream().map(Mounted::destination)
                .filter(d -> layerPath.isEmpty() || d.startsWith(layerPath + "/"))
                .map(d -> layerPath.isEmpty() ? d : d.substring(layerPath.length() + 1)).toList();
        return path -> relative.contains(path);
    }

    static PathStat stat(Target target, ArchivePath asked, String container) {
        try {
            FileNodes.Stat stat = FileNodes.lstat(target.host());
            String link = stat.isSymbolicLink() ? FileNodes.readlink(target.host()) : "";
            return new PathStat(asked.baseName(), stat.size(), stat.mode(), stat.modified(), link);
        } catch (NoSuchFileException | InvalidSpecException e) {
            throw missing(asked, container);
        } catch (IOException e) {
            throw new InternalException("unable to stat " + asked.path() + " in a volume of " + container + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * The tar of a path inside a volume, named as {@code asked} says; a volume mounted below it
     * ({@code mounts}, from {@link #below}) shows its own content, not its mount point's folder
     * in the outer volume.
     */
    static void archive(Target target, String layerPath, ArchivePath asked, List<Mounted> mounts, OutputStream out)
            throws IOException {
        TarLayerWriter tar = new TarLayerWriter(out);
        HostDirectory.read(target.host(), asked.entryName(), tar, covered(layerPath, mounts));
        String prefix = asked.entryName().equals(".") ? "" : asked.entryName() + "/";
        for (Mounted mount : mounts) {
            archive(mount, prefix + mount.destination().substring(layerPath.length() + 1), tar, mounts);
        }
        tar.finish();
    }

    /**
     * The content of a mount in a copy of a folder that holds it, named {@code name}, without what
     * the other {@code mounts} cover; a missing source shows nothing.
     */
    static void archive(Mounted mount, String name, LayerWriter out, List<Mounted> mounts) throws IOException {
        try {
            HostDirectory.read(mount.bind().source(), name, out, covered(mount.destination(), mounts));
        } catch (NoSuchFileException e) {
            // The bound host path went away: the container sees an empty mount point, the copy nothing.
        }
    }

    /** Where a copy into a volume writes its entries (paths below the extraction point). */
    @FunctionalInterface
    interface Placement {
        void write(LayerReader entries) throws IOException;
    }

    static void extract(Target target, ArchivePath asked, String container, InputStream body, boolean copyOwners,
                        DiskReserve reserve, Placement placement) throws IOException {
        if (target.bind().readOnly()) {
            throw new FailedPreconditionException("mounted volume is marked read-only");
        }
        PathStat stat = stat(target, asked, container);
        if (!stat.isDirectory()) {
            throw new InvalidSpecException("extraction point is not a directory");
        }
        try (TarLayerReader tar = new TarLayerReader(body, null, reserve.meterFor(target.bind().source()))) {
            LayerReader owned = () -> tar.next().map(e -> owners(e, copyOwners));
            placement.write(owned);
        } catch (FileAlreadyExistsException e) {
            // A volume never has a directory replaced by a file or back, whatever noOverwriteDirNonDir says.
            throw new InvalidSpecException("unable to extract " + e.getFile() + ": " + e.getReason(), e);
        }
    }

    private static LayerEntry owners(LayerEntry entry, boolean copyOwners) {
        if (entry instanceof LayerEntry.Whiteout || entry instanceof LayerEntry.OpaqueDirectory) {
            throw new InvalidSpecException("refusing to copy whiteout entry " + entry.path());
        }
        if (copyOwners) {
            return entry;
        }
        if (entry instanceof LayerEntry.Directory d) {
            return new LayerEntry.Directory(d.path(), root(d.attributes()));
        } else if (entry instanceof LayerEntry.RegularFile f) {
            return new LayerEntry.RegularFile(f.path(), root(f.attributes()), f.size(), f.content());
        } else if (entry instanceof LayerEntry.Symlink s) {
            return new LayerEntry.Symlink(s.path(), root(s.attributes()), s.target());
        } else if (entry instanceof LayerEntry.Special s) {
            return new LayerEntry.Special(s.path(), root(s.attributes()), s.type(), s.major(), s.minor());
        }
        return entry;
    }

    private static FileAttributes root(FileAttributes attributes) {
        return new FileAttributes(attributes.mode(), 0, 0, attributes.modified(), attributes.xattrs());
    }

    private static NotFoundException missing(ArchivePath asked, String container) {
        return new NotFoundException("Could not find the file " + asked.path() + " in container " + container);
    }
}
