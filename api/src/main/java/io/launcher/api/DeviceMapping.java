package io.launcher.api;

/**
 * One {@code --device}, as Docker's {@code HostConfig.Devices} holds it: the host's node (or a
 * folder of nodes), where it appears in the container, and the devices cgroup access given to it
 * ({@code rwm} or a subset: read, write, mknod).
 */
public record DeviceMapping(String pathOnHost, String pathInContainer, String cgroupPermissions) {

    public DeviceMapping {
        pathOnHost = pathOnHost == null ? "" : pathOnHost;
        // Docker's API takes an empty container path as the host's, and no permissions as all
        pathInContainer = pathInContainer == null || pathInContainer.isEmpty() ? pathOnHost : pathInContainer;
        cgroupPermissions = cgroupPermissions == null || cgroupPermissions.isEmpty() ? "rwm" : cgroupPermissions;
    }
}
