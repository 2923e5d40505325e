package io.launcher.engine;

import io.launcher.api.ContainerId;
import io.launcher.api.FailedPreconditionException;
import io.launcher.spi.network.Endpoint;
import io.launcher.spi.network.EndpointSpec;
import io.launcher.spi.network.NetworkDriver;
import io.launcher.spi.network.NetworkProvider;
import io.launcher.spi.network.NetworkSpec;
import io.launcher.spi.network.PortMapping;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A pretend network driver that records its calls: the endpoints attached now, the ports each
 * publishes, and every call in order. {@code refuse} makes publishing that host port fail.
 */
final class FakeNetwork extends FakeProvider<NetworkDriver> implements NetworkProvider, NetworkDriver {
    final Map<ContainerId, List<PortMapping>> attached = new ConcurrentHashMap<>();
    final List<String> calls = new ArrayList<>();
    final Set<Integer> refuse = new HashSet<>();
    final List<Set<ContainerId>> sweeps = new ArrayList<>();

    @Override
    public synchronized void ensureNetwork(NetworkSpec network) {
        calls.add("ensure " + network.bridge());
    }

    @Override
    public synchronized Endpoint attach(EndpointSpec endpoint) {
        calls.add("attach " + endpoint.address());
        attached.put(endpoint.container(), new ArrayList<>());
        return new Endpoint(endpoint.container(), Path.of("/run/netns/fake-" + endpoint.container().shortId()),
                "veth" + endpoint.container().shortId(), endpoint);
    }

    @Override
    public synchronized void publish(Endpoint endpoint, PortMapping mapping) {
        calls.add("publish " + mapping.hostAddress() + ":" + mapping.hostPort() + "->" + mapping.containerPort());
        if (refuse.contains(mapping.hostPort())) {
            throw new FailedPreconditionException("unable to publish " + mapping.hostPort() + ": refused by the test");
        }
        attached.get(endpoint.container()).add(mapping);
    }

    @Override
    public synchronized void detach(Endpoint endpoint) {
        calls.add("detach " + endpoint.spec().address());
        attached.remove(endpoint.container());
    }

    @Override
    public synchronized void sweep(Set<ContainerId> alive) {
        sweeps.add(Set.copyOf(alive));
        attached.keySet().retainAll(alive);
    }
}
