package io.launcher.api;

import java.util.List;

/**
 * How a container is placed on this host, as Docker's {@code HostConfig}: limits, network,
 * volumes, removal, published ports. Bind specs are Docker's {@code host:container[:ro]};
 * {@code publishAllPorts} ({@code -P}) publishes every exposed port on a port the engine picks.
 * {@code securityOpt} is Docker's {@code --security-opt} list as given ({@code seccomp=unconfined});
 * {@code logConfig} bounds the container's json-file log ({@code --log-opt max-size, max-file}).
 * {@code privileged} is Docker's {@code --privileged}: every capability, no seccomp filter, /proc
 * unmasked, /sys writable and the host's devices in /dev. {@code devices} are Docker's {@code --device}
 * mappings, {@code deviceCgroupRules} its {@code --device-cgroup-rule} list as given ({@code c 1:3 rwm}).
 * {@code storageOpt} is Docker's {@code --storage-opt}: a bound on the container's own writable layer.
 */
public record HostConfig(
        boolean autoRemove,
        NetworkMode networkMode,
        ResourceLimits resources,
        List<String> binds,
        boolean readonlyRootfs,
        List<String> capAdd,
        List<String> capDrop,
        List<PortBinding> portBindings,
        boolean publishAllPorts,
        List<String> securityOpt,
        LogConfig logConfig,
        boolean privileged,
        List<DeviceMapping> devices,
        List<String> deviceCgroupRules,
        StorageOpt storageOpt) {

    public static final HostConfig DEFAULT = new HostConfig(false, NetworkMode.BRIDGE, ResourceLimits.NONE, List.of(),
            false, List.of(), List.of(), List.of(), false, List.of(), LogConfig.DEFAULT, false, List.of(), List.of(),
            StorageOpt.NONE);

    public HostConfig {
        binds = List.copyOf(binds);
        capAdd = List.copyOf(capAdd);
        capDrop = List.copyOf(capDrop);
        // Records stored before ports existed read back with null here.
        portBindings = portBindings == null ? List.of() : List.copyOf(portBindings);
        // Likewise for records stored before security options existed.
        securityOpt = securityOpt == null ? List.of() : List.copyOf(securityOpt);
        // And records stored before log options existed get the default bounds.
        logConfig = logConfig == null ? LogConfig.DEFAULT : logConfig;
        // And records stored before devices existed have none.
        devices = devices == null ? List.of() : List.copyOf(devices);
        deviceCgroupRules = deviceCgroupRules == null ? List.of() : List.copyOf(deviceCgroupRules);
        // And records stored before storage options existed bound nothing.
        storageOpt = storageOpt == null ? StorageOpt.NONE : storageOpt;
    }

    /** A host config without {@code --storage-opt}: the form callers written before it use. */
    public HostConfig(boolean autoRemove, NetworkMode networkMode, ResourceLimits resources, List<String> binds,
                      boolean readonlyRootfs, List<String> capAdd, List<String> capDrop,
                      List<PortBinding> portBindings, boolean publishAllPorts, List<String> securityOpt,
                      LogConfig logConfig, boolean privileged, List<DeviceMapping> devices,
                      List<String> deviceCgroupRules) {
        this(autoRemove, networkMode, resources, binds, readonlyRootfs, capAdd, capDrop, portBindings,
                publishAllPorts, securityOpt, logConfig, privileged, devices, deviceCgroupRules, StorageOpt.NONE);
    }

    /** A host config without devices: the form callers written before {@code --device} use. */
    public HostConfig(boolean autoRemove, NetworkMode networkMode, ResourceLimits resources, List<String> binds,
                      boolean readonlyRootfs, List<String> capAdd, List<String> capDrop,
                      List<PortBinding> portBindings, boolean publishAllPorts, List<String> securityOpt,
                      LogConfig logConfig, boolean privileged) {
        this(autoRemove, networkMode, resources, binds, readonlyRootfs, capAdd, capDrop, portBindings,
                publishAllPorts, securityOpt, logConfig, privileged, List.of(), List.of());
    }

    /** A host config without {@code --privileged}: the form callers written before it use. */
    public HostConfig(boolean autoRemove, NetworkMode networkMode, ResourceLimits resources, List<String> binds,
                      boolean readonlyRootfs, List<String> capAdd, List<String> capDrop,
                      List<PortBinding> portBindings, boolean publishAllPorts, List<String> securityOpt,
                      LogConfig logConfig) {
        this(autoRemove, networkMode, resources, binds, readonlyRootfs, capAdd, capDrop, portBindings,
                publishAllPorts, securityOpt, logConfig, false);
    }

    /** A host config with the default log bounds: the form callers written before log options use. */
    public HostConfig(boolean autoRemove, NetworkMode networkMode, ResourceLimits resources, List<String> binds,
                      boolean readonlyRootfs, List<String> capAdd, List<String> capDrop,
                      List<PortBinding> portBindings, boolean publishAllPorts, List<String> securityOpt) {
        this(autoRemove, networkMode, resources, binds, readonlyRootfs, capAdd, capDrop, portBindings,
                publishAllPorts, securityOpt, LogConfig.DEFAULT);
    }

    /** A host config without security options: the form callers written before them use. */
    public HostConfig(boolean autoRemove, NetworkMode networkMode, ResourceLimits resources, List<String> binds,
                      boolean readonlyRootfs, List<String> capAdd, List<String> capDrop,
                      List<PortBinding> portBindings, boolean publishAllPorts) {
        this(autoRemove, networkMode, resources, binds, readonlyRootfs, capAdd, capDrop, portBindings,
                publishAllPorts, List.of(), LogConfig.DEFAULT);
    }

    /** A host config that publishes no port: the form callers written before ports use. */
    public HostConfig(boolean autoRemove, NetworkMode networkMode, ResourceLimits resources, List<String> binds,
                      boolean readonlyRootfs, List<String> capAdd, List<String> capDrop) {
        this(autoRemove, networkMode, resources, binds, readonlyRootfs, capAdd, capDrop, List.of(), false, List.of(),
                LogConfig.DEFAULT);
    }
}
