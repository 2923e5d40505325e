package io.launcher.engine;

import io.launcher.api.ContainerId;
import io.launcher.api.NetworkMode;
import io.launcher.api.UnavailableException;
import io.launcher.engine.ContainerRecord.EndpointRecord;
import io.launcher.spi.isolation.NetworkAttachment;
import io.launcher.spi.network.Endpoint;
import io.launcher.spi.network.EndpointSpec;
import io.launcher.spi.network.Ipv4Address;
import io.launcher.spi.network.NetworkDriver;
import io.launcher.spi.network.NetworkSpec;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.Optional;

/**
 * Network policy: the bridge's subnet, each container's address (lowest free, never two at
 * once, rebuilt from the container records after a restart) and MAC; the driver does the rest.
 */
final class ContainerNetworking {
    static final String BRIDGE = "launcher0";
    private static final Ipv4Address SUBNET = Ipv4Address.parse("10.87.0.0");
    private static final int PREFIX = 16;

    private final Optional<NetworkDriver> driver;
    private final String unavailableReason;
    private final NetworkSpec network = new NetworkSpec(BRIDGE, new Ipv4Address(SUBNET.bits() + 1), PREFIX);
    private final BitSet used = new BitSet();
    private boolean ensured;

    ContainerNetworking(Optional<NetworkDriver> driver, String unavailableReason) {
        this.driver = driver;
        this.unavailableReason = unavailableReason;
        used.set(0, 2);
        used.set((1 << (32 - PREFIX)) - 1);
    }

    /** Marks the address of a container that survived an engine restart as taken. */
    synchronized void adopt(EndpointRecord endpoint) {
        used.set(Ipv4Address.parse(endpoint.address()).bits() - SUBNET.bits());
    }

    synchronized EndpointRecord attach(ContainerId id) {
        NetworkDriver d = driver.orElseThrow(() -> new UnavailableException("network bridge is unavailable: " + unavailableReason));
        if (!ensured) {
            d.ensureNetwork(network);
            ensured = true;
        }
        int host = used.nextClearBit(2);
        if (host >= (1 << (32 - PREFIX)) - 1) {
            throw new UnavailableException("no available IPv4 addresses on network " + BRIDGE);
        }
        Ipv4Address address = new Ipv4Address(SUBNET.bits() + host);
        EndpointSpec spec = new EndpointSpec(id, network, address, macOf(address));
        Endpoint endpoint = d.attach(spec);
        used.set(host);
        return new EndpointRecord(address.toString(), PREFIX, network.gateway().toString(), spec.macAddress(),
                endpoint.namespace().toString(), endpoint.hostInterface());
    }

    synchronized void detach(ContainerId id, EndpointRecord record) {
        Ipv4Address address = Ipv4Address.parse(record.address());
        driver.ifPresent(d -> d.detach(new Endpoint(id, Path.of(record.namespace()), record.hostInterface(),
                new EndpointSpec(id, network, address, record.macAddress()))));
        used.clear(address.bits() - SUBNET.bits());
    }

    static NetworkAttachment attachmentFor(NetworkMode mode, EndpointRecord endpoint) {
        return switch (mode) {
            case NONE -> new NetworkAttachment.Private();
            case HOST -> new NetworkAttachment.Host();
            case BRIDGE -> new NetworkAttachment.Join(Path.of(endpoint.namespace()));
        };
    }

    /** Docker's scheme: 02:42 followed by the four bytes of the address. */
    private static String macOf(Ipv4Address address) {
        int b = address.bits();
        return String.format("02:42:%02x:%02x:%02x:%02x", (b >>> 24) & 255, (b >>> 16) & 255, (b >>> 8) & 255, b & 255);
    }
}
