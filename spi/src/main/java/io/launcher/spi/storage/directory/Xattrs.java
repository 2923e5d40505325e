package io.launcher.spi.storage.directory;

import com.sun.jna.NativeLong;
import io.launcher.api.SystemCallFailedException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Extended attributes of a path itself (the {@code l*xattr} calls), values as raw bytes. */
public final class Xattrs {
    /** A first buffer that holds most lists and values, so one call reads them. */
    private static final int GUESS = 256;

    private Xattrs() {
    }

    public static void set(Path path, String name, byte[] value) {
        if (Libc.lsetxattr(path.toString(), name, value, new NativeLong(value.length), 0) != 0) {
            throw new SystemCallFailedException("set xattr " + name + " on", path.toString(), Errno.name(Errno.last()));
        }
    }

    /** The value of {@code name}, or empty when the path has no such attribute. */
    public static Optional<byte[]> get(Path path, String name) {
        if (DirectLibc.BOUND) {
            byte[] value = new byte[GUESS];
            long read = DirectLibc.lgetxattr(DirectLibc.path(path), DirectLibc.text(name), value, value.length);
            if (read >= 0) {
                return Optional.of(Arrays.copyOf(value, (int) read));
            }
            if (Errno.last() != Errno.ERANGE) {
                return absentOrFail(path, name);
            }
            // longer than the guess: the sized calls below read it
        }
        while (true) {
            NativeLong size = Libc.lgetxattr(path.toString(), name, null, new NativeLong(0));
            if (size.longValue() < 0) {
                return absentOrFail(path, name);
            }
            byte[] value = new byte[(int) size.longValue()];
            NativeLong read = Libc.lgetxattr(path.toString(), name, value, new NativeLong(value.length));
            if (read.longValue() >= 0) {
                return Optional.of(read.longValue() == value.length ? value : Arrays.copyOf(value, (int) read.longValue()));
            }
            if (Errno.last() != Errno.ERANGE) {
                return absentOrFail(path, name);
            }
            // The value grew between the two calls: ask its size again.
        }
    }

    /** All attributes of the path, sorted by name. */
    public static Map<String, byte[]> all(Path path) {
        String[] names = names(path);
        if (names.length == 0) {
            return Map.of();
        }
        Map<String, byte[]> result = new TreeMap<>();
        for (String name : names) {
            get(path, name).ifPresent(value -> result.put(name, value));
        }
        return new LinkedHashMap<>(result);
    }

    private static String[] names(Path path) {
        if (DirectLibc.BOUND) {
            // One call for the usual short list (most files have none), not one for its size and one for it.
            byte[] list = new byte[GUESS];
            long read = DirectLibc.llistxattr(DirectLibc.path(path), list, list.length);
            if (read >= 0) {
                return split(list, (int) read);
            }
            int errno = Errno.last();
            if (errno != Errno.ERANGE) {
                return noneOrFail(path, errno);
            }
        }
        while (true) {
            NativeLong size = Libc.llistxattr(path.toString(), null, new NativeLong(0));
            if (size.longValue() < 0) {
                return noneOrFail(path);
            }
            if (size.longValue() == 0) {
                return new String[0];
            }
            byte[] list = new byte[(int) size.longValue()];
            NativeLong read = Libc.llistxattr(path.toString(), list, new NativeLong(list.length));
            if (read.longValue() >= 0) {
                return split(list, (int) read.longValue());
            }
            if (Errno.last() != Errno.ERANGE) {
                return noneOrFail(path);
            }
        }
    }

    private static String[] split(byte[] list, int length) {
        String joined = new String(list, 0, length, StandardCharsets.UTF_8);
        return joined.isEmpty() ? new String[0] : joined.split("\0");
    }

    private static Optional<byte[]> absentOrFail(Path path, String name) {
        int errno = Errno.last();
        if (errno == Errno.ENODATA || errno == Errno.ENOTSUP) {
            return Optional.empty();
        }
        throw new SystemCallFailedException("get xattr " + name + " of", path.toString(), Errno.name(errno));
    }

    private static String[] noneOrFail(Path path) {
        return noneOrFail(path, Errno.last());
    }

    private static String[] noneOrFail(Path path, int errno) {
        if (errno == Errno.ENOTSUP) {
            return new String[0];
        }
        throw new SystemCallFailedException("list xattrs of", path.toString(), Errno.name(errno));
    }
}
