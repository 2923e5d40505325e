package io.launcher.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * The host side of {@code cp} seen as Docker's CLI sees it (CopyInfoSourcePath and
 * CopyInfoDestinationPath): what a source is after its links, and where a destination lands.
 */
final class HostPaths {
    private static final int MAX_LINKS = 10;

    /** A host path that cannot take part in the copy; the message reads like Go's os errors. */
    static final class HostFault extends Exception {
        HostFault(String message) {
            super(message);
        }
    }

    private HostPaths() {
    }

    /** The source: its parent's links resolved (with {@code followLink}, its own too); it must exist. */
    static CopyPaths.CopyInfo source(String path, boolean followLink) throws HostFault {
        String resolved;
        String rebaseName = null;
        try {
            if (followLink) {
                String real = Path.of(path).toRealPath().toString();
                String[] rebased = CopyPaths.rebaseName(path, real);
                resolved = rebased[0];
                rebaseName = rebased[1];
            } else {
                String[] split = splitKeepingBase(path);
                String directory = Path.of(split[0].isEmpty() ? "." : split[0]).toRealPath().toString();
                resolved = (directory.equals("/") ? "" : directory) + "/" + split[1];
                if (path.endsWith("/") && !CopyPaths.base(path).equals(CopyPaths.base(resolved))) {
                    rebaseName = CopyPaths.base(path);
                }
            }
        } catch (IOException e) {
            throw new HostFault("lstat " + path + ": no such file or directory");
        }
        BasicFileAttributes stat = lstat(Path.of(resolved));
        if (stat == null) {
            throw new HostFault("lstat " + resolved + ": no such file or directory");
        }
        return new CopyPaths.CopyInfo(resolved, true, stat.isDirectory(), rebaseName);
    }

    /** The destination with its final links followed; a missing one needs an existing parent directory. */
    static CopyPaths.CopyInfo destination(String path) throws HostFault {
        String current = path;
        BasicFileAttributes stat = lstat(Path.of(current));
        for (int n = 0; stat != null && stat.isSymbolicLink(); n++) {
            if (n > MAX_LINKS) {
                throw new HostFault("too many symlinks in " + path);
            }
            String target = readlink(Path.of(current));
            current = target.startsWith("/") ? target : CopyPaths.split(current)[0] + "/" + target;
            stat = lstat(Path.of(current));
        }
        if (stat != null) {
            return new CopyPaths.CopyInfo(current, true, stat.isDirectory(), null);
        }
        String parent = CopyPaths.split(current)[0];
        if (!Files.exists(Path.of(parent))) {
            throw new HostFault("stat " + parent + ": no such file or directory");
        }
        if (!Files.isDirectory(Path.of(parent))) {
            throw new HostFault("not a directory");
        }
        return new CopyPaths.CopyInfo(current, false, false, null);
    }

    /** Go's filepath.Split: the directory with its trailing slash dropped, and the rest verbatim. */
    private static String[] splitKeepingBase(String path) {
        int slash = path.lastIndexOf('/');
        if (slash < 0) {
            return new String[] {"", path};
        }
        return new String[] {slash == 0 ? "/" : path.substring(0, slash), path.substring(slash + 1)};
    }

    private static BasicFileAttributes lstat(Path path) {
        try {
            return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            return null;
        }
    }

    private static String readlink(Path path) throws HostFault {
        try {
            return Files.readSymbolicLink(path).toString();
        } catch (IOException e) {
            throw new HostFault("readlink " + path + ": " + e.getMessage());
        }
    }
}
