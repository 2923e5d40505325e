package io.launcher.spi.storage.directory;

import io.launcher.spi.storage.FileAttributes;
import io.launcher.spi.storage.FileContent;
import io.launcher.spi.storage.LayerEntry;
import io.launcher.spi.storage.LayerWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reads a layer directory back as neutral entries: parents before children, names sorted so that
 * the same directory always gives the same stream (and the same diff id).
 */
final class LayerScan {
    private final WhiteoutForm form;
    private final Map<Long, String> firstPathOfInode = new HashMap<>();

    LayerScan(WhiteoutForm form) {
        this.form = form;
    }

    void run(Path root, LayerWriter out) throws IOException {
        walk(root, "", out);
    }

    private void walk(Path directory, String prefix, LayerWriter out) throws IOException {
        for (String name : sortedNames(directory)) {
            if (form.isInternalName(name)) {
                continue;
            }
            Path file = directory.resolve(name);
            String path = prefix.isEmpty() ? name : prefix + "/" + name;
            FileNodes.Stat stat = FileNodes.lstat(file);
            Optional<String> deleted = form.whiteoutOf(directory, name, stat);
            if (deleted.isPresent()) {
                out.write(new LayerEntry.Whiteout(prefix.isEmpty() ? deleted.get() : prefix + "/" + deleted.get()));
            } else if (stat.isDirectory()) {
                out.write(new LayerEntry.Directory(path, attributes(file, stat)));
                if (form.isOpaque(file)) {
                    out.write(new LayerEntry.OpaqueDirectory(path));
                }
                walk(file, path, out);
            } else {
                nonDirectory(file, path, stat, out);
            }
        }
    }

    private void nonDirectory(Path file, String path, FileNodes.Stat stat, LayerWriter out) throws IOException {
        if (stat.links() > 1) {
            String first = firstPathOfInode.putIfAbsent(stat.inode(), path);
            if (first != null) {
                out.write(new LayerEntry.Hardlink(path, first));
                return;
            }
        }
        FileAttributes attributes = attributes(file, stat);
        if (stat.isRegularFile()) {
            try (InputStream content = new FileContent(FileChannel.open(file, StandardOpenOption.READ,
                    LinkOption.NOFOLLOW_LINKS))) {
                out.write(new LayerEntry.RegularFile(path, attributes, stat.size(), content));
            }
        } else if (stat.isSymbolicLink()) {
            out.write(new LayerEntry.Symlink(path, attributes, FileNodes.readlink(file)));
        } else {
            out.write(new LayerEntry.Special(path, attributes, specialType(stat), stat.major(), stat.minor()));
        }
    }

    private static LayerEntry.SpecialType specialType(FileNodes.Stat stat) {
        return switch (stat.type()) {
            case FileNodes.S_IFCHR -> LayerEntry.SpecialType.CHARACTER_DEVICE;
            case FileNodes.S_IFBLK -> LayerEntry.SpecialType.BLOCK_DEVICE;
            case FileNodes.S_IFIFO -> LayerEntry.SpecialType.FIFO;
            default -> throw new IllegalStateException("unsupported file type " + Integer.toOctalString(stat.type()));
        };
    }

    private FileAttributes attributes(Path file, FileNodes.Stat stat) {
        Map<String, byte[]> all = Xattrs.all(file);
        if (all.isEmpty()) {
            return new FileAttributes(stat.mode(), stat.uid(), stat.gid(), stat.modified(), all);
        }
        Map<String, byte[]> xattrs = new TreeMap<>();
        for (Map.Entry<String, byte[]> xattr : all.entrySet()) {
            if (!form.isInternalXattr(xattr.getKey())) {
                xattrs.put(xattr.getKey(), xattr.getValue());
            }
        }
        return new FileAttributes(stat.mode(), stat.uid(), stat.gid(), stat.modified(), xattrs);
    }

    static List<String> sortedNames(Path directory) throws IOException {
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
            for (Path entry : entries) {
                names.add(entry.getFileName().toString());
            }
        }
        names.sort(null);
        return names;
    }
}
