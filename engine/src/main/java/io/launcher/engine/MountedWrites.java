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

    MountedWrites(LayerReader source, List<BindMount> binds, FileTree tree) {
        this.source = source;
        this.binds = binds;
        this.tree = tree;
    }

    /** Whether {@code layerPath} lies on a mount, so that the layer has nothing of it. */
    boolean mounted(String layerPath) {
        return VolumeArchives.find(binds, layerPath, tree).isPresent();
    }

    @Override
    public Optional<LayerEntry> next() throws IOException {
        for (Optional<LayerEntry> next = source.next(); next.isPresent(); next = source.next()) {
            Optional<VolumeArchives.Target> mount = VolumeArchives.find(binds, next.get().path(), tree);
            if (mount.isEmpty()) {
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
