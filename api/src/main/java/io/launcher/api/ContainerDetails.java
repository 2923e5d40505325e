package io.launcher.api;

import java.time.Instant;

/** Everything {@code inspect} shows of a container. */
public record ContainerDetails(
        ContainerId id,
        String name,
        Instant created,
        ImageId image,
        ContainerConfig config,
        HostConfig hostConfig,
        ContainerState state,
        String logPath,
        NetworkSettings network) {
}
