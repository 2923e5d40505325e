package io.launcher.engine;

import io.launcher.api.FailedPreconditionException;
import io.launcher.api.InvalidSpecException;
import io.launcher.layer.HostDirectory;
import io.launcher.spi.isolation.BindMount;
import io.launcher.spi.storage.LayerEntry;
import io.launcher.spi.storage.LayerReader;
import io.launcher.spi.storage.directory.ConfinedRoot;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;

/**
 * The entries of a {@code cp} extraction that land on a mount go to the mount, as they do with
 * Docker, whose copy runs in the container's mount namespace: into the bound host folder
 * (confined to it) or, for a bound file such as the engine's {@code /etc/hosts}, into that file
 * in place (a running container's mount holds its inode). The other entries go on to the
 * container's layer. A read-only mount refuses the copy.
 */
final class MountedWrites implements LayerReader {
    private final LayerReader source;
    private final List<BindMount> binds;
    private final FileTree tree;

    /** The bind whose entries {@link #next()} hands on instead of writing them, or null. */
    private final BindMount kept;

    MountedWrites(LayerReader source, List<BindMount> binds, FileTree tree) {
        this(source, binds, tree, null);
    }

    private MountedWrites(LayerReader source, List<BindMount> binds, FileTree tree, BindMount kept) {
        this.source = source;
        this.binds = binds;
        this.tree = tree;
        this.kept = kept;
    }

    /**
     * Writes a copy's entries into {@code directory}, a layer path inside the volume {@code volume}
     * binds: each entry goes to the mount it lands on, the deepest when volumes nest (a volume
     * mounted inside the other takes what lands in it, as in the container).
     */
    static void intoVolume(BindMount volume, String directory, LayerReader entries, List<BindMount> binds, FileTree tree)
            throws IOException {
        LayerReader placed = () -> entries.next().map(e -> moved(e, directory));
        MountedWrites routed = new MountedWrites(placed, binds, tree, volume);
        HostDirectory.write(routed, volume.source(), path -> VolumeArchives.find(binds, path, tree)
                .map(VolumeArchives.Target::rest).orElse(""), true);
    }

    private static LayerEntry moved(LayerEntry entry, String directory) {
        if (entry instanceof LayerEntry.Whiteout || entry instanceof LayerEntry.OpaqueDirectory) {
            throw new InvalidSpecException("refusing to copy entry " + entry.path());
        }
        LayerEntry placed = entry.at(inside(directory, entry.path()));
        return placed instanceof LayerEntry.Hardlink h ? new LayerEntry.Hardlink(h.path(), inside(directory, h.target())) : placed;
    }

    private static String inside(String directory, String path) {
        return directory.isEmpty() ? path : directory + "/" + path;
    }

    /** Whether {@code layerPath} lies on a mount, so that the layer has nothing of it. */
    boolean mounted(String layerPath) {
        return VolumeArchives.find(binds, layerPath, tree).isPresent();
    }

    @Override
    public Optional<LayerEntry> next() throws IOException {
        for (Optional<LayerEntry> next = source.next(); next.isPresent(); next = source.next()) {
            Optional<VolumeArchives.Target> mount = VolumeArchives.find(binds, next.get().path(), tree);
            if (mount.isEmpty() || (kept != null && mount.get().bind().equals(kept))) {
                return next;
            }
            write(mount.get(), next.get());
        }
        return Optional.empty();
    }

    private void write(VolumeArchives.Target mount, LayerEntry entry) throws IOException {
        BindMount bind = mount.bind();
        if (bind.readOnly()) {
            throw new FailedPreconditionException("mounted volume is marked read-only");
        }
        Path source = bind.source();
        if (mount.rest().isEmpty()) {
            if (entry instanceof LayerEntry.Directory && Files.isDirectory(source, LinkOption.NOFOLLOW_LINKS)) {
                return;
            }
            if (entry instanceof LayerEntry.RegularFile f && Files.isRegularFile(source, LinkOption.NOFOLLOW_LINKS)) {
                try (OutputStream out = Files.newOutputStream(source, StandardOpenOption.WRITE,
                        StandardOpenOption.TRUNCATE_EXISTING, LinkOption.NOFOLLOW_LINKS)) {
                    f.content().transferTo(out);
                }
                return;
            }
            throw new InvalidSpecException("unable to copy to /" + entry.path() + ": it is a mount point");
        }
        if (entry instanceof LayerEntry.Directory && isDirectory(source, mount.rest())) {
            // A parent the extraction made sure of: the folder exists in the volume, with its own mode.
            return;
        }
        if (entry instanceof LayerEntry.Hardlink h) {
            Optional<VolumeArchives.Target> target = VolumeArchives.find(binds, h.target(), tree);
            if (target.isEmpty() || !target.get().bind().equals(bind)) {
                throw new InvalidSpecException("unable to copy hard link /" + entry.path() + ": its file is on another mount");
            }
        }
        var single = List.of(entry).iterator();
        HostDirectory.write(() -> single.hasNext() ? Optional.of(single.next()) : Optional.empty(), source,
                path -> VolumeArchives.find(binds, path, tree).map(VolumeArchives.Target::rest).orElse(""), true);
    }

    private static boolean isDirectory(Path source, String rest) throws IOException {
        try {
            return Files.isDirectory(new ConfinedRoot(source).resolve(rest, false), LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return false;
        }
    }
}
