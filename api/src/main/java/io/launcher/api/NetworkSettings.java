package io.launcher.api;

import java.util.List;

/**
 * A container's address on its network, empty strings where it has none (mode none or host), and
 * the ports published while it runs, with the host address and port actually bound.
 */
public record NetworkSettings(String networkName, String ipAddress, int prefixLength, String gateway, String macAddress,
                              List<PortBinding> ports) {

    public NetworkSettings {
        ports = ports == null ? List.of() : List.copyOf(ports);
    }

    /** Settings without published ports. */
    public NetworkSettings(String networkName, String ipAddress, int prefixLength, String gateway, String macAddress) {
        this(networkName, ipAddress, prefixLength, gateway, macAddress, List.of());
    }

    public static NetworkSettings none(NetworkMode mode) {
        return new NetworkSettings(mode.apiName(), "", 0, "", "", List.of());
    }
}
