package io.launcher.spi.storage;

import java.time.Instant;
import java.util.Map;

/**
 * Ownership, permission bits (including setuid, setgid, sticky: {@code 07777}), modification time
 * and extended attributes of a layer entry. Attribute values are raw bytes
 * ({@code security.capability} is binary).
 */
public record FileAttributes(int mode, int uid, int gid, Instant modified, Map<String, byte[]> xattrs) {
    public FileAttributes {
        mode &= 07777;
        xattrs = Map.copyOf(xattrs);
    }
}
