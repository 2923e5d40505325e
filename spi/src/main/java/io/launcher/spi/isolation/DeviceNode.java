package io.launcher.spi.isolation;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A device node the backend makes in the container (OCI's {@code linux.devices} entry): at
 * {@code path} (absolute, in the container), of {@code type} 'c' (character) or 'b' (block) with
 * the given numbers, permission bits {@code mode} and owner. The engine reads all of it from the
 * host's node {@code hostPath}; a backend makes the node (mknod, as runc), never binds the host's,
 * which would be a mount the container cannot remove. Whether the container may open it is the
 * devices cgroup's matter: see {@link DeviceRule}.
 */
public record DeviceNode(String path, char type, long major, long minor, int mode, int uid, int gid, Path hostPath) {

    public DeviceNode {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(hostPath, "hostPath");
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("a device path must be absolute: " + path);
        }
        if (type != 'c' && type != 'b') {
            throw new IllegalArgumentException("a device node is of type c or b, not " + type);
        }
        if (major < 0 || minor < 0) {
            throw new IllegalArgumentException("device numbers cannot be negative: " + major + ":" + minor);
        }
        mode &= 07777;
    }

    /** The rule that gives a container {@code access} (a subset of rwm) to this node. */
    public DeviceRule rule(String access) {
        return new DeviceRule(type, major, minor, access);
    }
}
