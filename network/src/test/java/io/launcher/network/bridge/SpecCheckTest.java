package io.launcher.network.bridge;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.launcher.api.ContainerId;
import io.launcher.api.InvalidSpecException;
import io.launcher.spi.network.EndpointSpec;
import io.launcher.spi.network.Ipv4Address;
import io.launcher.spi.network.NetworkSpec;
import io.launcher.spi.network.PortMapping;
import org.junit.jupiter.api.Test;

class SpecCheckTest {
    private static final NetworkSpec NETWORK = new NetworkSpec("launcher0", Ipv4Address.parse("10.87.0.1"), 16);

    @Test
    void acceptsThePlainForms() {
        assertDoesNotThrow(() -> SpecCheck.endpoint(endpoint("10.87.3.4", "02:42:0a:57:03:04")));
        assertDoesNotThrow(() -> SpecCheck.endpoint(endpoint("10.87.3.4", null)));
    }

    @Test
    void refusesNamesThatCouldBecomeASecondCommand() {
        assertThrows(InvalidSpecException.class,
                () -> SpecCheck.network(new NetworkSpec("br\nlink del eth0", Ipv4Address.parse("10.87.0.1"), 16)));
        assertThrows(InvalidSpecException.class,
                () -> SpecCheck.network(new NetworkSpec("a-name-longer-than-15", Ipv4Address.parse("10.87.0.1"), 16)));
        assertThrows(InvalidSpecException.class, () -> SpecCheck.endpoint(endpoint("10.87.3.4", "02:42:0a:57:03:04\nnetns del x")));
    }

    @Test
    void refusesAddressesOutsideTheNetworkOrReserved() {
        assertThrows(InvalidSpecException.class, () -> SpecCheck.endpoint(endpoint("10.88.0.2", null)));
        assertThrows(InvalidSpecException.class, () -> SpecCheck.endpoint(endpoint("10.87.0.1", null)));
        assertThrows(InvalidSpecException.class, () -> SpecCheck.endpoint(endpoint("10.87.255.255", null)));
        assertThrows(InvalidSpecException.class, () -> SpecCheck.endpoint(endpoint("10.87.0.0", null)));
        assertThrows(InvalidSpecException.class, () -> SpecCheck.network(new NetworkSpec("launcher0", Ipv4Address.parse("10.87.0.0"), 16)));
        assertThrows(InvalidSpecException.class, () -> SpecCheck.network(new NetworkSpec("launcher0", Ipv4Address.parse("10.87.0.1"), 31)));
    }

    @Test
    void refusesPortsOutOfRange() {
        assertThrows(InvalidSpecException.class,
                () -> SpecCheck.mapping(new PortMapping(PortMapping.Protocol.TCP, new Ipv4Address(0), 0, 80)));
        assertThrows(InvalidSpecException.class,
                () -> SpecCheck.mapping(new PortMapping(PortMapping.Protocol.UDP, new Ipv4Address(0), 80, 65536)));
    }

    private static EndpointSpec endpoint(String address, String mac) {
        return new EndpointSpec(ContainerId.random(), NETWORK, Ipv4Address.parse(address), mac);
    }
}
