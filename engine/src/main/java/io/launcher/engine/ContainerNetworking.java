package io.launcher.engine;

import io.launcher.api.ContainerId;
import io.launcher.api.NetworkMode;
import io.launcher.api.PortBinding;
import io.launcher.api.UnavailableException;
import io.launcher.engine.ContainerRecord.EndpointRecord;
import io.launcher.spi.isolation.NetworkAttachment;
import io.launcher.spi.network.Endpoint;
import io.launcher.spi.network.EndpointSpec;
import io.launcher.spi.network.Ipv4Address;
import io.launcher.spi.network.NetworkDriver;
import io.launcher.spi.network.NetworkSpec;
import io.launcher.spi.network.PortMapping;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import io.launcher.api.NetworkDetails;
import java.util.Set;

/**
 * Network policy: the bridge's subnet, each container's address (lowest free, never two at
 * once, rebuilt from the container records after a restart), MAC and host ports; the driver
 * does the rest.
 */
final class ContainerNetworking {
    static final String BRIDGE = "launcher0";
    private static final Ipv4Address SUBNET = Ipv4Address.parse("10.87.0.0");
    private static final int PREFIX = 16;

    private final Optional<NetworkDriver> driver;
    private final String unavailableReason;
    private final NetworkSpec network = new NetworkSpec(BRIDGE, new Ipv4Address(SUBNET.bits() + 1), PREFIX);
    private final BitSet used = new BitSet();
    private final PortAllocator ports;
    private boolean ensured;

    ContainerNetworking(Optional<NetworkDriver> driver, String unavailableReason) {
        this(driver, unavailableReason, HostPorts.probe());
    }

    ContainerNetworking(Optional<NetworkDriver> driver, String unavailableReason, HostPorts hostPorts) {
        this.driver = driver;
        this.unavailableReason = unavailableReason;
        this.ports = new PortAllocator(hostPorts);
        used.set(0, 2);
        used.set((1 << (32 - PREFIX)) - 1);
    }

    /** Docker's three networks; ids are fixed digests of the names, so they stay the same across restarts. */
    static List<NetworkDetails> networks() {
        Ipv4Address gateway = new Ipv4Address(SUBNET.bits() + 1);
        return List.of(
                new NetworkDetails("bridge", networkId("bridge"), "bridge",
                        Optional.of(SUBNET + "/" + PREFIX), Optional.of(gateway.toString())),
                new NetworkDetails("host", networkId("host"), "host", Optional.empty(), Optional.empty()),
                new NetworkDetails("none", networkId("none"), "null", Optional.empty(), Optional.empty()));
    }

    private static String networkId(String name) {
        return Sha256.of(("network:" + name).getBytes(StandardCharsets.UTF_8)).hex();
    }

    /** Marks the address and host ports of a container that survived an engine restart as taken. */
    synchronized void adopt(EndpointRecord endpoint) {
        used.set(Ipv4Address.parse(endpoint.address()).bits() - SUBNET.bits());
        ports.adopt(endpoint.portList());
    }

    /**
     * Gives a container its endpoint and publishes {@code published}, all or nothing: a port that
     * cannot be had leaves no address, interface or rule behind.
     */
    synchronized EndpointRecord attach(ContainerId id, List<PortBinding> published) {
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
        List<PortBinding> bound = ports.allocate(published);
        Endpoint endpoint;
        try {
            endpoint = d.attach(spec);
        } catch (RuntimeException e) {
            ports.release(bound);
            throw e;
        }
        used.set(host);
        EndpointRecord record = new EndpointRecord(address.toString(), PREFIX, network.gateway().toString(), spec.macAddress(),
                endpoint.namespace().toString(), endpoint.hostInterface(), bound);
        try {
            for (PortBinding port : bound) {
                d.publish(endpoint, mappingOf(port));
            }
        } catch (RuntimeException e) {
            try {
                detach(id, record);
            } catch (RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
        return record;
    }

    synchronized void detach(ContainerId id, EndpointRecord record) {
        Ipv4Address address = Ipv4Address.parse(record.address());
        driver.ifPresent(d -> d.detach(new Endpoint(id, Path.of(record.namespace()), record.hostInterface(),
                new EndpointSpec(id, network, address, record.macAddress()))));
        used.clear(address.bits() - SUBNET.bits());
        ports.release(record.portList());
    }

    /** Clears what a killed engine left of containers that are gone (veths, namespaces, rules). */
    void sweep(Set<ContainerId> alive) {
        driver.ifPresent(d -> d.sweep(alive));
    }

    private static PortMapping mappingOf(PortBinding port) {
        PortMapping.Protocol protocol = port.protocol() == PortBinding.Protocol.UDP ? PortMapping.Protocol.UDP : PortMapping.Protocol.TCP;
        return new PortMapping(protocol, Ipv4Address.parse(port.hostIp()), port.hostPort(), port.containerPort());
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
