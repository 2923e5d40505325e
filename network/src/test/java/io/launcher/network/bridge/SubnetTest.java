package io.launcher.network.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.launcher.spi.network.Ipv4Address;
import io.launcher.spi.network.NetworkSpec;
import org.junit.jupiter.api.Test;

class SubnetTest {

    @Test
    void theEnginesDefaultMeetsNeitherDockerNorPodman() {
        Subnet launcher = subnet("10.87.0.1", 16);

        assertEquals("10.87.0.0/16", launcher.toString());
        assertFalse(launcher.overlaps(subnet("172.17.0.1", 16)));
        assertFalse(launcher.overlaps(subnet("10.88.0.1", 16)));
        assertTrue(launcher.overlaps(subnet("10.87.200.1", 24)));
        assertTrue(launcher.overlaps(subnet("10.0.0.1", 8)));
    }

    @Test
    void containsAndHostAddresses() {
        Subnet subnet = subnet("10.213.7.1", 24);

        assertTrue(subnet.contains(Ipv4Address.parse("10.213.7.254")));
        assertFalse(subnet.contains(Ipv4Address.parse("10.213.8.1")));
        assertFalse(subnet.isHost(Ipv4Address.parse("10.213.7.0")));
        assertFalse(subnet.isHost(Ipv4Address.parse("10.213.7.255")));
    }

    private static Subnet subnet(String gateway, int prefix) {
        return Subnet.of(new NetworkSpec("x", Ipv4Address.parse(gateway), prefix));
    }
}
