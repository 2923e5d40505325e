package io.launcher.storage.overlay;

import com.sun.jna.Native;
import io.launcher.api.SystemCallFailedException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link ProjectQuotas} through {@code ioctl(FS_IOC_FS[GS]ETXATTR)} and {@code quotactl_fd(2)}.
 * quotactl_fd names the filesystem by an open directory on it, so the launcher never has to find
 * the block device behind a mount (which a loop device or a container's view may hide).
 */
final class KernelProjectQuotas implements ProjectQuotas {
    /** {@code _IOR('X', 31, struct fsxattr)} and {@code _IOW('X', 32, struct fsxattr)}: 28-byte struct. */
    private static final long FS_IOC_FSGETXATTR = 0x801C581FL;
    private static final long FS_IOC_FSSETXATTR = 0x401C5820L;
    private static final int FS_XFLAG_PROJINHERIT = 0x200;
    private static final int FSXATTR_SIZE = 28;
    private static final int FSXATTR_PROJID = 12;

    private static final long PRJQUOTA = 2;
    private static final long Q_GETINFO = 0x800005;
    private static final long Q_GETQUOTA = 0x800007;
    private static final long Q_SETQUOTA = 0x800008;
    /** struct if_dqblk: eight u64 (limits in 1 KiB blocks, usage in bytes), then u32 dqb_valid. */
    private static final int DQBLK_SIZE = 72;
    private static final int QIF_BLIMITS = 1;
    private static final int QIF_DQBLKSIZE = 1024;
    /** struct if_dqinfo: two u64 grace times, u32 flags, u32 valid. */
    private static final int DQINFO_SIZE = 24;

    private static final Map<Integer, String> ERRNO = Map.of(1, "EPERM", 3, "ESRCH", 22, "EINVAL",
            25, "ENOTTY", 38, "ENOSYS", 95, "EOPNOTSUPP", 2, "ENOENT", 13, "EACCES");

    /**
     * The filesystem type of each path asked about: the driver asks about its state folder on every
     * snapshot's removal, and Java finds a path's file store by reading and matching /proc/mounts
     * (twice) and a stat of each ancestor; what is mounted under a folder the driver keeps its files
     * in does not change while it runs.
     */
    private final Map<Path, Boolean> xfs = new ConcurrentHashMap<>();

    @Override
    public boolean enabled(Path onFilesystem) {
        // xfs alone, as Docker: ext4 lets a CAP_SYS_RESOURCE writer past a hard limit, and overlayfs
        // copies up with the credentials of whoever mounted it (the isolation backend, before it drops
        // capabilities), so an ext4 limit would be counted and not enforced.
        if (!xfs.computeIfAbsent(onFilesystem, KernelProjectQuotas::isXfs)) {
            return false;
        }
        // ESRCH: quotas are off; ENOSYS: a kernel before 5.14; EINVAL/EOPNOTSUPP: no project quotas.
        return quotactl(onFilesystem, Q_GETINFO, 0, new byte[DQINFO_SIZE]) == 0;
    }

    private static boolean isXfs(Path onFilesystem) {
        try {
            return "xfs".equals(Files.getFileStore(onFilesystem).type());
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public int project(Path directory) {
        byte[] attributes = fsxattr(directory);
        return buffer(attributes).getInt(FSXATTR_PROJID);
    }

    @Override
    public void assign(Path directory, int id) {
        byte[] attributes = fsxattr(directory);
        ByteBuffer view = buffer(attributes);
        view.putInt(0, view.getInt(0) | FS_XFLAG_PROJINHERIT);
        view.putInt(FSXATTR_PROJID, id);
        int fd = openDirectory(directory);
        try {
            if (QuotaCalls.ioctl(fd, FS_IOC_FSSETXATTR, attributes) != 0) {
                throw failed("set project " + id + " on", directory);
            }
        } finally {
            QuotaCalls.close(fd);
        }
    }

    @Override
    public void limit(Path onFilesystem, int id, long bytes) {
        byte[] quota = new byte[DQBLK_SIZE];
        ByteBuffer view = buffer(quota);
        // Rounded up: a limit below one block would otherwise be no limit at all.
        view.putLong(0, (bytes + QIF_DQBLKSIZE - 1) / QIF_DQBLKSIZE);
        view.putInt(64, QIF_BLIMITS);
        int errno = quotactl(onFilesystem, Q_SETQUOTA, id, quota);
        if (errno != 0) {
            throw failed("set the quota of project " + id + " on the filesystem of", onFilesystem, errno);
        }
    }

    @Override
    public boolean inUse(Path onFilesystem, int id) {
        byte[] quota = new byte[DQBLK_SIZE];
        int errno = quotactl(onFilesystem, Q_GETQUOTA, id, quota);
        if (errno != 0) {
            throw failed("read the quota of project " + id + " on the filesystem of", onFilesystem, errno);
        }
        ByteBuffer view = buffer(quota);
        for (int field = 0; field < 6; field++) {
            if (view.getLong(field * Long.BYTES) != 0) {
                return true;
            }
        }
        return false;
    }

    /** 0, or the errno of the failed call (read before the close that could overwrite it). */
    private static int quotactl(Path onFilesystem, long command, int id, byte[] argument) {
        int fd = openDirectory(onFilesystem);
        try {
            long result = QuotaCalls.syscall(QuotaCalls.SYS_QUOTACTL_FD, fd, (command << 8) | PRJQUOTA,
                    Integer.toUnsignedLong(id), argument);
            return result == 0 ? 0 : Native.getLastError();
        } finally {
            QuotaCalls.close(fd);
        }
    }

    private static byte[] fsxattr(Path directory) {
        byte[] attributes = new byte[FSXATTR_SIZE];
        int fd = openDirectory(directory);
        try {
            if (QuotaCalls.ioctl(fd, FS_IOC_FSGETXATTR, attributes) != 0) {
                throw failed("read the project of", directory);
            }
            return attributes;
        } finally {
            QuotaCalls.close(fd);
        }
    }

    private static int openDirectory(Path directory) {
        int fd = QuotaCalls.open(directory.toString(),
                QuotaCalls.O_RDONLY | QuotaCalls.O_DIRECTORY | QuotaCalls.O_CLOEXEC);
        if (fd < 0) {
            throw failed("open", directory);
        }
        return fd;
    }

    private static SystemCallFailedException failed(String operation, Path object) {
        return failed(operation, object, Native.getLastError());
    }

    private static SystemCallFailedException failed(String operation, Path object, int errno) {
        return new SystemCallFailedException(operation, object.toString(), ERRNO.getOrDefault(errno, "errno " + errno));
    }

    private static ByteBuffer buffer(byte[] bytes) {
        return ByteBuffer.wrap(bytes).order(ByteOrder.nativeOrder());
    }
}
