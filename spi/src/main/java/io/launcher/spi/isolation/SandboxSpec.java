package io.launcher.spi.isolation;

import io.launcher.api.ContainerId;
import io.launcher.api.LogConfig;
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
 * even while the engine is down. {@code log} bounds it: once the file would grow past
 * {@code log.maxSize()} bytes the backend renames it {@code logFile.1} (shifting {@code .1} to
 * {@code .2} and so on, keeping at most {@code log.maxFiles()} files, the live one included) and
 * starts a new one, as Docker's json-file driver does; with one file it truncates it instead.
 *
 * <p>{@code capabilities}: the final set the container's processes (init and exec) keep in their
 * bounding, permitted, effective and inheritable sets, named as {@link Capabilities} names them;
 * every other capability is dropped. The engine computes it (Docker's default with
 * {@code --cap-add}/{@code --cap-drop} applied); a backend never adds to it.
 *
 * <p>{@code seccomp}: the system call filter of the container's processes (init and exec).
 * {@code seccompFilter}: the rules of a custom profile, present exactly when {@code seccomp} is
 * {@link SeccompProfile#CUSTOM} (null otherwise).
 *
 * <p>{@code privileged}: Docker's {@code --privileged} apart from what {@code capabilities} and
 * {@code seccomp} already say (the engine sets those): /proc without masked or read-only paths,
 * /sys and the cgroup file systems writable, and a /dev holding the host's device nodes (with a
 * devpts, /dev/shm and /dev/mqueue of the container's own), every device allowed by the devices
 * cgroup. {@code noNewPrivileges}: the container's processes (init and exec) run with
 * no_new_privs; without it and without CAP_SYS_ADMIN a backend cannot install a seccomp filter,
 * so the engine clears it only for privileged containers, which have no filter.
 *
 * <p>{@code devices}: nodes the backend makes in the container as given (Docker's {@code --device}),
 * parent folders included, replacing whatever is at their path; for a privileged container on top of
 * the host's. {@code deviceRules}: devices cgroup allow rules the backend adds after Docker's default
 * ones (the engine adds one per given node, with its {@code --device} access, and
 * {@code --device-cgroup-rule}s); a privileged container, which may use every device, gets none.
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
        SeccompProfile seccomp,
        LogConfig log,
        SeccompFilter seccompFilter,
        boolean privileged,
        boolean noNewPrivileges,
        List<DeviceNode> devices,
        List<DeviceRule> deviceRules) {

    public SandboxSpec {
        rootfs = List.copyOf(rootfs);
        binds = List.copyOf(binds);
        capabilities = Set.copyOf(capabilities);
        java.util.Objects.requireNonNull(seccomp, "seccomp");
        log = log == null ? LogConfig.DEFAULT : log;
        devices = devices == null ? List.of() : List.copyOf(devices);
        deviceRules = deviceRules == null ? List.of() : List.copyOf(deviceRules);
        if ((seccomp == SeccompProfile.CUSTOM) != (seccompFilter != null)) {
            throw new IllegalArgumentException("a custom seccomp profile needs its filter, and only it has one");
        }
    }

    /** A spec without given devices: the form callers written before {@code --device} use. */
    public SandboxSpec(ContainerId id, List<Mount> rootfs, ProcessSpec process, String hostname,
                       NetworkAttachment network, ResourceLimits resources, List<BindMount> binds,
                       boolean readonlyRootfs, Path logFile, Set<String> capabilities, SeccompProfile seccomp,
                       LogConfig log, SeccompFilter seccompFilter, boolean privileged, boolean noNewPrivileges) {
        this(id, rootfs, process, hostname, network, resources, binds, readonlyRootfs, logFile, capabilities,
                seccomp, log, seccompFilter, privileged, noNewPrivileges, List.of(), List.of());
    }

    /** An unprivileged spec with no_new_privs: the form callers written before privileged mode use. */
    public SandboxSpec(ContainerId id, List<Mount> rootfs, ProcessSpec process, String hostname,
                       NetworkAttachment network, ResourceLimits resources, List<BindMount> binds,
                       boolean readonlyRootfs, Path logFile, Set<String> capabilities, SeccompProfile seccomp,
                       LogConfig log, SeccompFilter seccompFilter) {
        this(id, rootfs, process, hostname, network, resources, binds, readonlyRootfs, logFile, capabilities,
                seccomp, log, seccompFilter, false, true);
    }

    /** A spec without a custom seccomp filter: the form callers written before custom profiles use. */
    public SandboxSpec(ContainerId id, List<Mount> rootfs, ProcessSpec process, String hostname,
                       NetworkAttachment network, ResourceLimits resources, List<BindMount> binds,
                       boolean readonlyRootfs, Path logFile, Set<String> capabilities, SeccompProfile seccomp,
                       LogConfig log) {
        this(id, rootfs, process, hostname, network, resources, binds, readonlyRootfs, logFile, capabilities,
                seccomp, log, null);
    }

    /** A spec with the default log bounds: the form callers written before log options use. */
    public SandboxSpec(ContainerId id, List<Mount> rootfs, ProcessSpec process, String hostname,
                       NetworkAttachment network, ResourceLimits resources, List<BindMount> binds,
                       boolean readonlyRootfs, Path logFile, Set<String> capabilities, SeccompProfile seccomp) {
        this(id, rootfs, process, hostname, network, resources, binds, readonlyRootfs, logFile, capabilities,
                seccomp, LogConfig.DEFAULT);
    }

    /** A spec with Docker's default seccomp profile: the form callers written before it use. */
    public SandboxSpec(ContainerId id, List<Mount> rootfs, ProcessSpec process, String hostname,
                       NetworkAttachment network, ResourceLimits resources, List<BindMount> binds,
                       boolean readonlyRootfs, Path logFile, Set<String> capabilities) {
        this(id, rootfs, process, hostname, network, resources, binds, readonlyRootfs, logFile, capabilities,
                SeccompProfile.DEFAULT, LogConfig.DEFAULT);
    }
}
