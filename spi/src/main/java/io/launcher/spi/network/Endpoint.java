package io.launcher.spi.network;

import io.launcher.api.ContainerId;
import java.nio.file.Path;

/** A container's attachment: the namespace to join, the host end of its veth, its address. */
public record Endpoint(ContainerId container, Path namespace, String hostInterface, EndpointSpec spec) {
}
