package io.launcher.network.bridge;

import io.launcher.api.AlreadyExistsException;
import io.launcher.api.ContainerId;
import io.launcher.api.FailedPreconditionException;
import io.launcher.api.NotFoundException;
import io.launcher.spi.network.Endpoint;
import io.launcher.spi.network.EndpointSpec;
import io.launcher.spi.network.Ipv4Address;
import io.launcher.spi.network.NetworkDriver;
import io.launcher.spi.network.NetworkSpec;
import io.launcher.spi.network.PortMapping;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bridge networking, the mechanism only: a Linux bridge per network, a named network namespace
 * and a veth pair per container, iptables NAT for the way out and for published ports. The engine
 * chooses every address, MAC and host port. Firewall changes are serialised on one lock (the
 * port-in-use check and the rule it guards must not interleave); links are per container and
 * need none.
 */
public final class BridgeNetworkDriver implements NetworkDriver {
    private static final Logger LOG = LoggerFactory.getLogger(BridgeNetworkDriver.class);

    private final HostTools tools;
    private final CommandRunner runner;
    private final Iproute2Links links;
    private final FirewallRules rules;
    private final EndpointRecords records;
    private final ListeningSockets sockets;
    private final Sysctl sysctl;
    private final Object firewallLock = new Object();
    private final Set<NetworkSpec> ensured = new HashSet<>();

    public BridgeNetworkDriver(BridgeOptions options) {
        this(options, HostTools.resolve(), new ProcessCommandRunner(), ListeningSockets.host(), Sysctl.host());
    }

    BridgeNetworkDriver(BridgeOptions options, HostTools tools, CommandRunner runner, ListeningSockets sockets, Sysctl sysctl) {
        this.tools = tools;
        this.runner = runner;
        this.links = new Iproute2Links(tools.ip(), runner);
        this.rules = new FirewallRules(options.chainPrefix());
        this.records = new EndpointRecords(options.stateDir());
        this.sockets = sockets;
        this.sysctl = sysctl;
    }

    /**
     * Sets the network up, checking every piece (a dozen iptables calls: 50 to 150 ms here). A network this
     * driver already set up is only checked for its bridge, so the engine may call this before
     * each container; rules flushed by someone else come back at the next engine start.
     */
    @Override
    public void ensureNetwork(NetworkSpec network) {
        SpecCheck.network(network);
        synchronized (firewallLock) {
            if (ensured.contains(network) && links.linkExists(network.bridge())) {
                return;
            }
            links.ensureBridge(network);
            sysctl.set("net/ipv4/ip_forward", "1");
            sysctl.set("net/ipv4/conf/" + network.bridge() + "/route_localnet", "1");
            if (!natAvailable()) {
                LOG.warn("iptables is not installed: network {} has no NAT and no published ports", network.bridge());
                return;
            }
            Iptables iptables = iptables();
            iptables.ensureChains(rules.chains());
            iptables.ensureRules(rules.networkRules(network), false);
            List<FirewallRules.Rule> jumps = rules.jumps();
            iptables.ensureRules(jumps.stream().filter(jump -> jump.table().equals(FirewallRules.NAT)).toList(), false);
            // First in FORWARD: a host with Docker has a DROP policy and rules of its own there.
            iptables.ensureRules(jumps.stream().filter(jump -> jump.table().equals(FirewallRules.FILTER)).toList(), true);
            ensured.add(network);
        }
    }

    @Override
    public Endpoint attach(EndpointSpec endpoint) {
        SpecCheck.endpoint(endpoint);
        ContainerId id = endpoint.container();
        EndpointNames names = EndpointNames.of(id);
        if (records.exists(id) || links.linkExists(names.hostInterface()) || Files.exists(names.namespacePath())) {
            throw new AlreadyExistsException("unable to attach container " + id.shortId() + ": endpoint " + names.namespace() + " already exists");
        }
        records.create(id);
        try {
            links.attach(endpoint, names);
        } catch (RuntimeException e) {
            try {
                links.detach(names);
                records.delete(id);
            } catch (RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
        return new Endpoint(id, names.namespacePath(), names.hostInterface(), endpoint);
    }

    @Override
    public void publish(Endpoint endpoint, PortMapping mapping) {
        SpecCheck.mapping(mapping);
        ContainerId id = endpoint.container();
        synchronized (firewallLock) {
            Iptables iptables = iptables();
            if (!records.exists(id)) {
                throw new NotFoundException("unable to publish a port of container " + id.shortId() + ": it has no endpoint");
            }
            refuseAllocated(mapping);
            records.addPort(id, mapping);
            try {
                iptables.add(FirewallRules.NAT, List.of(rules.portRule(EndpointNames.of(id), endpoint.spec().address(), mapping)));
            } catch (RuntimeException e) {
                try {
                    records.removePort(id, mapping);
                } catch (RuntimeException cleanup) {
                    e.addSuppressed(cleanup);
                }
                throw e;
            }
        }
    }

    @Override
    public void detach(Endpoint endpoint) {
        ContainerId id = endpoint.container();
        EndpointNames names = EndpointNames.of(id);
        // Without a record (a second detach, or a lost state directory) the rules are looked up anyway.
        boolean mayHaveRules = !records.exists(id) || !records.ports(id).isEmpty();
        if (mayHaveRules && natAvailable()) {
            synchronized (firewallLock) {
                iptables().removeTagged(FirewallRules.NAT, rules.dnatChain(), Set.of(names.ruleComment()));
            }
        }
        links.detach(names);
        records.delete(id);
    }

    /**
     * Removes the endpoints this driver recorded for containers that are not alive. It implements
     * {@code NetworkDriver.sweep}; the annotation is left off so the plugin also builds against an
     * installed SPI that predates that method.
     */
    public void sweep(Set<ContainerId> alive) {
        Map<ContainerId, List<PortMapping>> recorded = records.all();
        recorded.keySet().removeAll(alive);
        if (recorded.isEmpty()) {
            return;
        }
        Set<String> comments = recorded.entrySet().stream().filter(entry -> !entry.getValue().isEmpty())
                .map(entry -> EndpointNames.of(entry.getKey()).ruleComment()).collect(Collectors.toSet());
        if (!comments.isEmpty() && natAvailable()) {
            synchronized (firewallLock) {
                iptables().removeTagged(FirewallRules.NAT, rules.dnatChain(), comments);
            }
        }
        for (ContainerId id : recorded.keySet()) {
            links.detach(EndpointNames.of(id));
            records.delete(id);
        }
        LOG.info("removed {} endpoint(s) of containers that are gone", recorded.size());
    }

    /**
     * Takes a network down: its rules, then our chains and their jumps once no network uses them,
     * then the bridge. Endpoints still on the bridge lose their link to it.
     */
    public void removeNetwork(NetworkSpec network) {
        SpecCheck.network(network);
        synchronized (firewallLock) {
            if (natAvailable()) {
                Iptables iptables = iptables();
                iptables.removeRules(rules.networkRules(network));
                boolean unused = rules.chains().stream().allMatch(chain -> iptables.rulesIn(chain.table(), chain.chain()).isEmpty());
                if (unused) {
                    iptables.removeRules(rules.jumps());
                    iptables.removeEmptyChains(rules.chains());
                }
            }
            links.removeBridge(network.bridge());
            ensured.remove(network);
        }
    }

    private void refuseAllocated(PortMapping mapping) {
        boolean published = records.all().values().stream().flatMap(List::stream).anyMatch(other -> other.protocol() == mapping.protocol()
                && other.hostPort() == mapping.hostPort() && overlaps(other.hostAddress(), mapping.hostAddress()));
        if (published || sockets.taken(mapping)) {
            throw new FailedPreconditionException("unable to publish " + mapping.hostAddress() + ":" + mapping.hostPort() + "/"
                    + mapping.protocol().name().toLowerCase(Locale.ROOT) + ": port is already allocated");
        }
    }

    private static boolean overlaps(Ipv4Address a, Ipv4Address b) {
        return a.bits() == 0 || b.bits() == 0 || a.equals(b);
    }

    private boolean natAvailable() {
        return tools.iptables().isPresent() && tools.iptablesSave().isPresent() && tools.iptablesRestore().isPresent();
    }

    private Iptables iptables() {
        return new Iptables(tools.iptablesTools(), runner);
    }
}
