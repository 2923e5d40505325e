package io.launcher.spi.storage.directory;

import com.sun.jna.Native;
import com.sun.jna.NativeLong;

/**
 * The few libc calls the JDK does not offer for writing and reading layer entries. Every call
 * acts on the path itself, never on what a final symbolic link points to. The calls are bound by
 * JNA's direct mapping: an import makes thousands of them, and the interface mapping's proxy and
 * argument conversion (a {@code long[]} copied through a {@code Memory} each time) cost several
 * times the system call. The class registers on first use, so code paths without native calls
 * never need JNA.
 */
final class Libc {

    static final int AT_FDCWD = -100;
    static final int AT_SYMLINK_NOFOLLOW = 0x100;
    static final int O_RDONLY = 0;
    static final int O_DIRECTORY = 0200000;
    static final int O_CLOEXEC = 02000000;
    static final int EEXIST = 17;

    static {
        Native.register(Libc.class, "c");
    }

    private Libc() {
    }

    static native int mknod(String path, int mode, long dev);

    static native int lchown(String path, int uid, int gid);

    static native int symlink(String target, String linkPath);

    static native NativeLong readlink(String path, byte[] buffer, NativeLong size);

    static native int utimensat(int dirfd, String path, long[] times, int flags);

    static native int lsetxattr(String path, String name, byte[] value, NativeLong size, int flags);

    static native NativeLong lgetxattr(String path, String name, byte[] value, NativeLong size);

    static native NativeLong llistxattr(String path, byte[] list, NativeLong size);

    static native int open(String path, int flags);

    static native int close(int fd);

    static native int syncfs(int fd);
}
