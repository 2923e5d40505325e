package io.launcher.e2e;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;

/**
 * Reads a project's quota the way {@code repquota -P} would, through {@code quotactl_fd(2)}: what a
 * test checks to see that removing a container left no limit behind.
 */
final class ProjectQuotaProbe {
    private static final long SYS_QUOTACTL_FD = 443;
    private static final long Q_GETQUOTA_PRJ = (0x800007L << 8) | 2;
    private static final int O_DIRECTORY_CLOEXEC = 0200000 | 02000000;

    private interface C extends Library {
        int open(String path, int flags);

        int close(int fd);

        long syscall(long number, long fd, long command, long id, byte[] argument);
    }

    private static final C LIBC = Native.load("c", C.class);

    private ProjectQuotaProbe() {
    }

    /** The project's hard block limit in bytes (0: none). */
    static long hardLimitBytes(Path onFilesystem, int project) {
        return dqblk(onFilesystem, project).getLong(0) * 1024;
    }

    /** Whether the project has a limit or counts any block or inode. */
    static boolean inUse(Path onFilesystem, int project) {
        ByteBuffer quota = dqblk(onFilesystem, project);
        for (int field = 0; field < 6; field++) {
            if (quota.getLong(field * Long.BYTES) != 0) {
                return true;
            }
        }
        return false;
    }

    private static ByteBuffer dqblk(Path onFilesystem, int project) {
        byte[] quota = new byte[72];
        int fd = LIBC.open(onFilesystem.toString(), O_DIRECTORY_CLOEXEC);
        if (fd < 0) {
            throw new IllegalStateException("unable to open " + onFilesystem);
        }
        try {
            if (LIBC.syscall(SYS_QUOTACTL_FD, fd, Q_GETQUOTA_PRJ, project, quota) != 0) {
                throw new IllegalStateException("unable to read the quota of project " + project + " on " + onFilesystem
                        + ": errno " + Native.getLastError());
            }
        } finally {
            LIBC.close(fd);
        }
        return ByteBuffer.wrap(quota).order(ByteOrder.nativeOrder());
    }
}
