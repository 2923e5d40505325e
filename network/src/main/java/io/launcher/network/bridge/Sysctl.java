package io.launcher.network.bridge;

import io.launcher.api.SystemCallFailedException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Kernel settings under {@code /proc/sys}, written directly: a file write, not a process. */
final class Sysctl {
    private final Path root;

    Sysctl(Path root) {
        this.root = root;
    }

    static Sysctl host() {
        return new Sysctl(Path.of("/proc/sys"));
    }

    /** Sets {@code key} (slash-separated, {@code net/ipv4/ip_forward}) to {@code value} unless it already is. */
    void set(String key, String value) {
        Path file = root.resolve(key);
        try {
            if (!Files.readString(file).strip().equals(value)) {
                Files.writeString(file, value);
            }
        } catch (IOException e) {
            throw new SystemCallFailedException("set", file.toString(), e.getMessage(), e);
        }
    }
}
