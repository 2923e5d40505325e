package io.launcher.spi.network;

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
}
