package io.launcher.spi.isolation;

import io.launcher.api.ContainerId;
import io.launcher.api.ResourceLimits;
import io.launcher.spi.Mount;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * Everything a backend needs to create a container, decided by the engine: the root filesystem
 * mounts from the storage driver, the process, hostname, network namespace, limits, binds.
 *
 * <p>{@code logFile}: the backend appends the process's stdout and stderr there in Docker's
 * json-file form, one JSON object a line, {@code {"log":"...","stream":"stdout","time":"RFC3339Nano"}},
 * even while the engine is down.
 *
 * <p>{@code capabilities}: the final set the container's processes (init and exec) keep in their
 * bounding, permitted, effective and inheritable sets, named as {@link Capabilities} names them;
 * every other capability is dropped. The engine computes it (Docker's default with
 * {@code --cap-add}/{@code --cap-drop} applied); a backend never adds to it.
 *
 * <p>{@code seccomp}: the system call filter of the container's processes (init and exec).
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
        Path logFile,
        Set<String> capabilities,
        SeccompProfile seccomp) {

    public SandboxSpec {
        rootfs = List.copyOf(rootfs);
        binds = List.copyOf(binds);
        capabilities = Set.copyOf(capabilities);
        java.util.Objects.requireNonNull(seccomp, "seccomp");
    }

    /** A spec with Docker's default seccomp profile: the form callers written before it use. */
    public SandboxSpec(ContainerId id, List<Mount> rootfs, ProcessSpec process, String hostname,
                       NetworkAttachment network, ResourceLimits resources, List<BindMount> binds,
                       boolean readonlyRootfs, Path logFile, Set<String> capabilities) {
        this(id, rootfs, process, hostname, network, resources, binds, readonlyRootfs, logFile, capabilities,
                SeccompProfile.DEFAULT);
    }
}
