package io.launcher.storage.overlay;

import com.sun.jna.Native;

/**
 * The libc calls for project quotas, bound by JNA's direct mapping on first use (so a driver that
 * never bounds a layer never needs JNA). {@code quotactl_fd(2)} (Linux 5.14) has no libc wrapper:
 * it goes through {@code syscall(2)}, whose arguments are all passed as {@code long}s as its
 * variadic reads them; 443 is its number on x86_64 and aarch64 alike (the unified table).
 */
final class QuotaCalls {
    static final long SYS_QUOTACTL_FD = 443;
    static final int O_RDONLY = 0;
    static final int O_DIRECTORY = 0200000;
    static final int O_CLOEXEC = 02000000;

    static {
        Native.register(QuotaCalls.class, "c");
    }

    private QuotaCalls() {
    }

    static native int open(String path, int flags);

    static native int close(int fd);

    static native int ioctl(int fd, long request, byte[] argument);

    static native long syscall(long number, long fd, long command, long id, byte[] argument);
}
