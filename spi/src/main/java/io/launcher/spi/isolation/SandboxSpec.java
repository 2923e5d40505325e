package io.launcher.spi.isolation;

import io.launcher.api.ContainerId;
import io.launcher.api.ResourceLimits;
import io.launcher.spi.Mount;
import java.nio.file.Path;
import java.util.List;

/**
 * Everything a backend needs to create a container, decided by the engine: the root filesystem
 * mounts from the storage driver, the process, hostname, network namespace, limits, binds.
 *
 * <p>{@code logFile}: the backend appends the process's stdout and stderr there in Docker's
 * json-file form, one JSON object a line, {@code {"log":"...","stream":"stdout","time":"RFC3339Nano"}},
 * even while the engine is down.
 */
public record SandboxSpec(
        ContainerId id,
        List<Mount> rootfs,
        ProcessSpec process,
        String hostname,
        NetworkAttachment network,
        ResourceLimits resources,
        List<BindMount> binds,
        boolean readonlyRootfs,
        Path logFile) {

    public SandboxSpec {
        rootfs = List.copyOf(rootfs);
        binds = List.copyOf(binds);
    }
}
