package io.launcher.spi.storage.directory;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;

/**
 * The few libc calls the JDK does not offer for writing and reading layer entries. Every call
 * acts on the path itself, never on what a final symbolic link points to.
 */
interface Libc extends Library {

    int AT_FDCWD = -100;
    int AT_SYMLINK_NOFOLLOW = 0x100;
    int O_RDONLY = 0;
    int O_DIRECTORY = 0200000;
    int O_CLOEXEC = 02000000;

    int mknod(String path, int mode, long dev);

    int lchown(String path, int uid, int gid);

    int symlink(String target, String linkPath);

    NativeLong readlink(String path, byte[] buffer, NativeLong size);

    int utimensat(int dirfd, String path, long[] times, int flags);

    int lsetxattr(String path, String name, byte[] value, NativeLong size, int flags);

    NativeLong lgetxattr(String path, String name, byte[] value, NativeLong size);

    NativeLong llistxattr(String path, byte[] list, NativeLong size);

    int open(String path, int flags);

    int close(int fd);

    int syncfs(int fd);

    /** Loaded on first use, so that code paths without native calls never need JNA. */
    final class Holder {
        static final Libc LIBC = Native.load("c", Libc.class);

        private Holder() {
        }
    }
}
