package io.launcher.spi.storage.directory;

import io.launcher.api.InvalidSpecException;
import io.launcher.api.SystemCallFailedException;
import io.launcher.spi.storage.LayerEntry.SpecialType;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;

/**
 * Inode-level operations on a path itself, never through a final symbolic link: device nodes,
 * owners, modes, times, and {@code lstat}. The JDK's own attribute views open the file to change
 * its mode or times, which blocks on a FIFO and opens a device: these calls do not.
 */
public final class FileNodes {
    static final int S_IFMT = 0170000;
    static final int S_IFIFO = 0010000;
    static final int S_IFCHR = 0020000;
    static final int S_IFDIR = 0040000;
    static final int S_IFBLK = 0060000;
    static final int S_IFREG = 0100000;
    static final int S_IFLNK = 0120000;
    /** Linux's PATH_MAX, the NUL included. */
    private static final int PATH_MAX = 4096;
    /** {@code struct statx}: the same layout on every architecture. */
    private static final int STATX_SIZE = 256;

    private FileNodes() {
    }

    public static void mknod(Path path, SpecialType type, int mode, int major, int minor) {
        int kind = switch (type) {
            case CHARACTER_DEVICE -> S_IFCHR;
            case BLOCK_DEVICE -> S_IFBLK;
            case FIFO -> S_IFIFO;
        };
        if (Libc.mknod(path.toString(), kind | (mode & 07777), makedev(major, minor)) != 0) {
            throw new SystemCallFailedException("mknod", path.toString(), Errno.name(Errno.last()));
        }
    }

    /** Creates a symbolic link whose target is kept byte for byte (the JDK normalises {@code a//b/}). */
    public static void symlink(String target, Path link) {
        if (Libc.symlink(target, link.toString()) != 0) {
            throw new SystemCallFailedException("create symbolic link", link.toString(), Errno.name(Errno.last()));
        }
    }

    /** As {@link #symlink}, false instead of failing when something is already at {@code link}. */
    static boolean symlinkIfAbsent(String target, Path link) {
        if (Libc.symlink(target, link.toString()) == 0) {
            return true;
        }
        int errno = Errno.last();
        if (errno == Libc.EEXIST) {
            return false;
        }
        throw new SystemCallFailedException("create symbolic link", link.toString(), Errno.name(errno));
    }

    public static String readlink(Path link) {
        byte[] path = Libc.path(link);
        // A target is at most PATH_MAX - 1 bytes: the last buffer always holds it.
        for (int size = 256; ; size *= 4) {
            byte[] buffer = new byte[size];
            long read = Libc.readlink(path, buffer, size);
            if (read < 0) {
                throw new SystemCallFailedException("read symbolic link", link.toString(), Errno.name(Errno.last()));
            }
            if (read < size || size >= PATH_MAX) {
                return new String(buffer, 0, (int) read, StandardCharsets.UTF_8);
            }
        }
    }

    public static void lchown(Path path, int uid, int gid) {
        if (Libc.lchown(path.toString(), uid, gid) != 0) {
            throw new SystemCallFailedException("lchown", path.toString(), Errno.name(Errno.last()));
        }
    }

    /** Sets all 12 permission bits (setuid, setgid, sticky included); after {@link #lchown}, which clears setuid. */
    public static void chmod(Path path, int mode) throws IOException {
        if (Files.isSymbolicLink(path)) {
            throw new InvalidSpecException("refusing to chmod symbolic link " + path);
        }
        Files.setAttribute(path, "unix:mode", mode & 07777);
    }

    /**
     * Sets the 12 permission bits of a node the caller has just made and knows is no symbolic
     * link (a layer entry being written): without {@link #chmod}'s look at the path first.
     */
    static void chmodNode(Path path, int mode) throws IOException {
        Files.setAttribute(path, "unix:mode", mode & 07777);
    }

    /** Sets the modification time (and the access time to the same) of the path itself. */
    public static void setModified(Path path, Instant modified) {
        long[] times = {modified.getEpochSecond(), modified.getNano(), modified.getEpochSecond(), modified.getNano()};
        if (Libc.utimensat(Libc.AT_FDCWD, path.toString(), times, Libc.AT_SYMLINK_NOFOLLOW) != 0) {
            throw new SystemCallFailedException("set times of", path.toString(), Errno.name(Errno.last()));
        }
    }

    /** The {@code lstat} of a path: type and permission bits, owners, inode, links, device, time. */
    public static Stat lstat(Path path) throws IOException {
        if (Libc.Statx.BOUND) {
            byte[] statx = new byte[STATX_SIZE];
            if (Libc.Statx.statx(Libc.AT_FDCWD, Libc.path(path), Libc.AT_SYMLINK_NOFOLLOW,
                    Libc.Statx.STATX_BASIC_STATS, statx) == 0) {
                ByteBuffer fields = ByteBuffer.wrap(statx).order(ByteOrder.nativeOrder());
                if ((fields.getInt(0) & Libc.Statx.STATX_BASIC_STATS) == Libc.Statx.STATX_BASIC_STATS) {
                    return fromStatx(fields);
                }
            }
            // A failure is reported by the JDK's call below, as its typed exception (NoSuchFileException...).
        }
        Map<String, Object> a = Files.readAttributes(path,
                "unix:mode,uid,gid,ino,nlink,rdev,size,lastModifiedTime", LinkOption.NOFOLLOW_LINKS);
        return new Stat((Integer) a.get("mode"), (Integer) a.get("uid"), (Integer) a.get("gid"),
                (Long) a.get("ino"), (Integer) a.get("nlink"), (Long) a.get("rdev"), (Long) a.get("size"),
                ((FileTime) a.get("lastModifiedTime")).toInstant());
    }

    /** The fields of a {@code struct statx} (linux/stat.h) that {@code lstat} would give. */
    private static Stat fromStatx(ByteBuffer statx) {
        int mode = statx.getShort(28) & 0xffff;
        Instant modified = Instant.ofEpochSecond(statx.getLong(112), Integer.toUnsignedLong(statx.getInt(120)));
        return new Stat(mode, statx.getInt(20), statx.getInt(24), statx.getLong(32), statx.getInt(16),
                makedev(statx.getInt(128), statx.getInt(132)), statx.getLong(40), modified);
    }

    static long makedev(int major, int minor) {
        long ma = major & 0xffffffffL;
        long mi = minor & 0xffffffffL;
        return ((ma & 0xfffff000L) << 32) | ((ma & 0xfffL) << 8) | ((mi & 0xffffff00L) << 12) | (mi & 0xffL);
    }

    /** What {@code lstat} says of a path, with the device number split as {@code major}/{@code minor}. */
    public record Stat(int mode, int uid, int gid, long inode, int links, long rdev, long size, Instant modified) {
        public int type() {
            return mode & S_IFMT;
        }

        public boolean isDirectory() {
            return type() == S_IFDIR;
        }

        public boolean isRegularFile() {
            return type() == S_IFREG;
        }

        public boolean isSymbolicLink() {
            return type() == S_IFLNK;
        }

        public boolean isCharacterDevice() {
            return type() == S_IFCHR;
        }

        public int major() {
            return (int) (((rdev >>> 8) & 0xfffL) | ((rdev >>> 32) & ~0xfffL));
        }

        public int minor() {
            return (int) ((rdev & 0xffL) | ((rdev >>> 12) & ~0xffL));
        }
    }
}
