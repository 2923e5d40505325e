package io.launcher.spi.storage.directory;

import com.sun.jna.Native;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The libc calls a layer walk makes for every entry ({@code statx}, {@code llistxattr}, and
 * {@code lgetxattr}, {@code readlink} where needed), bound by JNA's direct mapping with paths as
 * bytes: a plain JNI call each, where an interface binding went through a proxy, reflection and a
 * native copy of every argument that cost more than the system call itself (an export of ~2,000
 * entries spent a third of its time there), and where {@link Libc}'s String arguments make JNA
 * call back into Java to encode them. Bound on 64-bit hosts only, where {@code size_t} and
 * {@code ssize_t} are a Java {@code long}; callers fall back to {@link Libc} or the JDK when not.
 */
final class DirectLibc {
    static final int AT_FDCWD = -100;
    static final int AT_SYMLINK_NOFOLLOW = 0x100;
    /** Type, mode, links, owners, inode, size, times: what {@code lstat} gives. */
    static final int STATX_BASIC_STATS = 0x7ff;

    /** Whether the calls below may be made. */
    static final boolean BOUND = bind();

    private DirectLibc() {
    }

    private static boolean bind() {
        try {
            if (Native.SIZE_T_SIZE != Long.BYTES) {
                return false;
            }
            Native.register(DirectLibc.class, "c");
            return true;
        } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
            // a libc without statx (glibc before 2.28) or no JNA: the callers' slower paths work
            return false;
        }
    }

    /**
     * A path as the NUL-terminated bytes the calls take, encoded as JNA encodes a String: passing a
     * String instead makes JNA call back into Java to encode it, on every call.
     */
    static byte[] path(Path path) {
        return text(path.toString());
    }

    static byte[] text(String text) {
        byte[] bytes = text.getBytes(Encoding.CHARSET);
        return Arrays.copyOf(bytes, bytes.length + 1);
    }

    static native int statx(int dirfd, byte[] path, int flags, int mask, byte[] statx);

    static native long llistxattr(byte[] path, byte[] list, long size);

    static native long lgetxattr(byte[] path, byte[] name, byte[] value, long size);

    static native long readlink(byte[] path, byte[] buffer, long size);

    /** Read once, after JNA is known to be there. */
    private static final class Encoding {
        static final Charset CHARSET = Charset.forName(Native.getDefaultStringEncoding());

        private Encoding() {
        }
    }
}
