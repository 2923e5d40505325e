package io.launcher.spi.network;

import io.launcher.api.ContainerId;
import java.util.Set;

/**
 * The mechanism of container networking: links, addresses, routes and rules. The engine keeps
 * the policy: it chooses subnets, addresses and host ports and hands them over.
 */
public interface NetworkDriver {

    /** Makes sure the network exists (bridge up with the gateway address, NAT); idempotent. */
    void ensureNetwork(NetworkSpec network);

    /** Creates a network namespace for a container with its interface, address and default route. */
    Endpoint attach(EndpointSpec endpoint);

    /** Makes {@code mapping} reach the endpoint from the host. */
    void publish(Endpoint endpoint, PortMapping mapping);

    /** Removes the endpoint's ports, interface and namespace; safe to call twice. */
    void detach(Endpoint endpoint);

    /**
     * Removes what this driver made for containers that are not in {@code alive}: called once at
     * engine start, after a crash may have left endpoints of dead containers behind. A driver that
     * keeps nothing on the host across restarts has nothing to sweep.
     */
    default void sweep(Set<ContainerId> alive) {
    }
}
