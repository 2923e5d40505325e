package io.launcher.spi.storage.directory;

import com.sun.jna.Native;
import java.util.Map;

/** Names of the errno values a layer write can meet, for runc-style messages. */
final class Errno {
    static final int ENOENT = 2;
    static final int ENODATA = 61;
    static final int ERANGE = 34;
    static final int ENOTSUP = 95;

    private static final Map<Integer, String> NAMES = Map.ofEntries(
            Map.entry(1, "EPERM"), Map.entry(ENOENT, "ENOENT"), Map.entry(5, "EIO"),
            Map.entry(13, "EACCES"), Map.entry(17, "EEXIST"), Map.entry(20, "ENOTDIR"),
            Map.entry(21, "EISDIR"), Map.entry(22, "EINVAL"), Map.entry(28, "ENOSPC"),
            Map.entry(ERANGE, "ERANGE"), Map.entry(36, "ENAMETOOLONG"), Map.entry(40, "ELOOP"),
            Map.entry(ENODATA, "ENODATA"), Map.entry(ENOTSUP, "EOPNOTSUPP"), Map.entry(30, "EROFS"));

    private Errno() {
    }

    /** The errno of the calling thread's last native call. */
    static int last() {
        return Native.getLastError();
    }

    static String name(int errno) {
        return NAMES.getOrDefault(errno, "errno " + errno);
    }
}
