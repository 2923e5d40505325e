package io.launcher.spi.network;

import io.launcher.api.ContainerId;

/** The engine's choice for one container: which network, which address, which MAC. */
public record EndpointSpec(ContainerId container, NetworkSpec network, Ipv4Address address, String macAddress) {
}
