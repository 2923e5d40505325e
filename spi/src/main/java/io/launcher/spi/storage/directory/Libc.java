package io.launcher.spi.storage.directory;

import com.sun.jna.Native;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The libc calls the JDK does not offer for writing and reading layer entries, each bound once.
 * Every call acts on the path itself, never on what a final symbolic link points to. All are bound
 * by JNA's direct mapping: an import or export makes thousands of them, and the interface mapping's
 * proxy, reflection and argument copies cost several times the system call. The calls a layer walk
 * makes for every entry ({@code readlink}, {@code llistxattr}, {@code lgetxattr}, {@link Statx})
 * take their paths as bytes: a String makes JNA call back into Java to encode it, on every call
 * (an export of ~2,000 entries spent a third of its time there). Sizes are {@code size_t} and
 * {@code ssize_t} as a Java {@code long}, so the class binds on 64-bit hosts only (x86_64 and
 * aarch64, the ones the launcher runs on). It registers on first use, so code paths without
 * native calls never need JNA.
 */
final class Libc {

    static final int AT_FDCWD = -100;
    static final int AT_SYMLINK_NOFOLLOW = 0x100;
    static final int O_RDONLY = 0;
    static final int O_DIRECTORY = 0200000;
    static final int O_CLOEXEC = 02000000;
    static final int EEXIST = 17;

    static {
        if (Native.SIZE_T_SIZE != Long.BYTES) {
            throw new UnsatisfiedLinkError("the directory storage binds size_t as a Java long: it needs a 64-bit host");
        }
        Native.register(Libc.class, "c");
    }

    private Libc() {
    }

    /**
     * A path as the NUL-terminated bytes the byte-path calls take, encoded as JNA encodes a String.
     */
    static byte[] path(Path path) {
        return text(path.toString());
    }

    static byte[] text(String text) {
        byte[] bytes = text.getBytes(Encoding.CHARSET);
        return Arrays.copyOf(bytes, bytes.length + 1);
    }

    static native int mknod(String path, int mode, long dev);

    static native int lchown(String path, int uid, int gid);

    static native int symlink(String target, String linkPath);

    static native int utimensat(int dirfd, String path, long[] times, int flags);

    static native int lsetxattr(String path, String name, byte[] value, long size, int flags);

    static native int open(String path, int flags);

    static native int close(int fd);

    static native int syncfs(int fd);

    static native long readlink(byte[] path, byte[] buffer, long size);

    static native long llistxattr(byte[] path, byte[] list, long size);

    static native long lgetxattr(byte[] path, byte[] name, byte[] value, long size);

    /**
     * {@code statx}, bound apart: glibc before 2.28 lacks it, and a missing symbol fails the whole
     * registration of a class; without it {@code lstat} asks the JDK instead.
     */
    static final class Statx {
        /** Type, mode, links, owners, inode, size, times: what {@code lstat} gives. */
        static final int STATX_BASIC_STATS = 0x7ff;
        /** Whether {@link #statx} may be called. */
        static final boolean BOUND = bind();

        private Statx() {
        }

        private static boolean bind() {
            try {
                if (Native.SIZE_T_SIZE != Long.BYTES) {
                    return false; // its path is encoded by Libc, which binds on 64-bit hosts only
                }
                Native.register(Statx.class, "c");
                return true;
            } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
                // no statx in this libc, or no JNA: the JDK's lstat works
                return false;
            }
        }

        static native int statx(int dirfd, byte[] path, int flags, int mask, byte[] statx);
    }

    /** Read once, after JNA is known to be there. */
    private static final class Encoding {
        static final Charset CHARSET = Charset.forName(Native.getDefaultStringEncoding());

        private Encoding() {
        }
    }
}
