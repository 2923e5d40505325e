package io.launcher.network.bridge;

import io.launcher.api.InvalidSpecException;
import io.launcher.spi.network.EndpointSpec;
import io.launcher.spi.network.Ipv4Address;
import io.launcher.spi.network.NetworkSpec;
import io.launcher.spi.network.PortMapping;
import java.util.regex.Pattern;

/**
 * Validates what the engine hands over before the first command runs (runc's validator idea).
 * Names and MACs end up in iproute2 batch scripts, so anything but their plain forms is refused:
 * a newline in a bridge name must never become a second command.
 */
final class SpecCheck {
    private static final Pattern INTERFACE_NAME = Pattern.compile("[A-Za-z0-9_.-]{1,15}");
    private static final Pattern MAC = Pattern.compile("[0-9a-fA-F]{2}(:[0-9a-fA-F]{2}){5}");

    private SpecCheck() {
    }

    static void network(NetworkSpec network) {
        if (network.bridge() == null || !INTERFACE_NAME.matcher(network.bridge()).matches()) {
            throw new InvalidSpecException("invalid bridge name " + network.bridge() + ": 1 to 15 letters, digits, '_', '.' or '-'");
        }
        if (network.gateway() == null) {
            throw new InvalidSpecException("network " + network.bridge() + " has no gateway address");
        }
        if (network.prefixLength() < 8 || network.prefixLength() > 30) {
            throw new InvalidSpecException("invalid prefix length /" + network.prefixLength() + " for network " + network.bridge() + ": 8 to 30");
        }
        if (!Subnet.of(network).isHost(network.gateway())) {
            throw new InvalidSpecException("gateway " + network.gateway() + " is not a host address of " + Subnet.of(network));
        }
    }

    static void endpoint(EndpointSpec endpoint) {
        if (endpoint.container() == null) {
            throw new InvalidSpecException("endpoint has no container id");
        }
        network(endpoint.network());
        NetworkSpec network = endpoint.network();
        Ipv4Address address = endpoint.address();
        if (address == null || !Subnet.of(network).contains(address)) {
            throw new InvalidSpecException("address " + address + " is outside network " + Subnet.of(network));
        }
        if (address.equals(network.gateway()) || !Subnet.of(network).isHost(address)) {
            throw new InvalidSpecException("address " + address + " is not a free host address of network " + Subnet.of(network));
        }
        if (endpoint.macAddress() != null && !MAC.matcher(endpoint.macAddress()).matches()) {
            throw new InvalidSpecException("invalid MAC address " + endpoint.macAddress());
        }
    }

    static void mapping(PortMapping mapping) {
        if (mapping.protocol() == null || mapping.hostAddress() == null) {
            throw new InvalidSpecException("port mapping needs a protocol and a host address");
        }
        if (mapping.hostPort() < 1 || mapping.hostPort() > 65535) {
            throw new InvalidSpecException("invalid host port " + mapping.hostPort());
        }
        if (mapping.containerPort() < 1 || mapping.containerPort() > 65535) {
            throw new InvalidSpecException("invalid container port " + mapping.containerPort());
        }
    }
}
