package io.launcher.spi.storage.directory;

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
        if (Libc.lsetxattr(path.toString(), name, value, value.length, 0) != 0) {
            throw new SystemCallFailedException("set xattr " + name + " on", path.toString(), Errno.name(Errno.last()));
        }
    }

    /** The value of {@code name}, or empty when the path has no such attribute. */
    public static Optional<byte[]> get(Path path, String name) {
        byte[] file = Libc.path(path);
        byte[] key = Libc.text(name);
        byte[] value = new byte[GUESS];
        while (true) {
            long read = Libc.lgetxattr(file, key, value, value.length);
            if (read >= 0) {
                return Optional.of(read == value.length ? value : Arrays.copyOf(value, (int) read));
            }
            if (Errno.last() != Errno.ERANGE) {
                return absentOrFail(path, name);
            }
            // Longer than the buffer (the guess, or the value grew since its size was asked): ask its size.
            long size = Libc.lgetxattr(file, key, null, 0);
            if (size < 0) {
                return absentOrFail(path, name);
            }
            value = new byte[(int) size];
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
        byte[] file = Libc.path(path);
        // One call for the usual short list (most files have none), not one for its size and one for it.
        byte[] list = new byte[GUESS];
        while (true) {
            long read = Libc.llistxattr(file, list, list.length);
            if (read >= 0) {
                return split(list, (int) read);
            }
            int errno = Errno.last();
            if (errno != Errno.ERANGE) {
                return noneOrFail(path, errno);
            }
            long size = Libc.llistxattr(file, null, 0);
            if (size < 0) {
                return noneOrFail(path, Errno.last());
            }
            list = new byte[(int) size];
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

    private static String[] noneOrFail(Path path, int errno) {
        if (errno == Errno.ENOTSUP) {
            return new String[0];
        }
        throw new SystemCallFailedException("list xattrs of", path.toString(), Errno.name(errno));
    }
}
