package io.launcher.api;

import java.util.List;

/**
 * How a container is placed on this host, as Docker's {@code HostConfig}: limits, network,
 * volumes, removal. Bind specs are Docker's {@code host:container[:ro]}.
 */
public record HostConfig(
        boolean autoRemove,
        NetworkMode networkMode,
        ResourceLimits resources,
        List<String> binds,
        boolean readonlyRootfs,
        List<String> capAdd,
        List<String> capDrop) {

    public static final HostConfig DEFAULT =
            new HostConfig(false, NetworkMode.BRIDGE, ResourceLimits.NONE, List.of(), false, List.of(), List.of());

    public HostConfig {
        binds = List.copyOf(binds);
        capAdd = List.copyOf(capAdd);
        capDrop = List.copyOf(capDrop);
    }
}
