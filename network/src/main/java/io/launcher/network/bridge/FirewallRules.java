package io.launcher.network.bridge;

import io.launcher.spi.network.Ipv4Address;
import io.launcher.spi.network.NetworkSpec;
import io.launcher.spi.network.PortMapping;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The iptables rules of bridge networks, as argument lists (never shell text). Everything lives in
 * chains of our own, entered by one jump from each built-in chain, so that clean-up is exact and
 * never touches rules of Docker, podman or the administrator:
 * <pre>
 *   nat    PREROUTING  -m addrtype --dst-type LOCAL -j P-DNAT        published ports
 *   nat    OUTPUT      -m addrtype --dst-type LOCAL -j P-DNAT        the same, from the host itself
 *   nat    POSTROUTING -j P-POSTROUTING                              masquerade
 *   filter FORWARD     -j P-FORWARD (first)                          hosts whose policy is DROP
 * </pre>
 * where P is the chain prefix ({@code LAUNCHER}).
 */
record FirewallRules(String prefix) {
    static final String NAT = "nat";
    static final String FILTER = "filter";

    /** A rule: its table, its chain and the match and target arguments after the chain. */
    record Rule(String table, String chain, List<String> spec) {
        Rule {
            spec = List.copyOf(spec);
        }

        /** The rule as an iptables-restore line with {@code op} (-A, -D). */
        String restoreLine(String op) {
            return op + " " + chain + " " + String.join(" ", spec);
        }
    }

    String dnatChain() {
        return prefix + "-DNAT";
    }

    String postroutingChain() {
        return prefix + "-POSTROUTING";
    }

    String forwardChain() {
        return prefix + "-FORWARD";
    }

    /** Our chains, table by table. */
    List<Rule> chains() {
        return List.of(new Rule(NAT, dnatChain(), List.of()), new Rule(NAT, postroutingChain(), List.of()),
                new Rule(FILTER, forwardChain(), List.of()));
    }

    /** The jumps from the built-in chains into ours. */
    List<Rule> jumps() {
        return List.of(
                new Rule(NAT, "PREROUTING", List.of("-m", "addrtype", "--dst-type", "LOCAL", "-j", dnatChain())),
                new Rule(NAT, "OUTPUT", List.of("-m", "addrtype", "--dst-type", "LOCAL", "-j", dnatChain())),
                new Rule(NAT, "POSTROUTING", List.of("-j", postroutingChain())),
                new Rule(FILTER, "FORWARD", List.of("-j", forwardChain())));
    }

    /**
     * The rules of one network: containers reach out through the host's address; the host reaches
     * published ports on 127.0.0.1 (with route_localnet on the bridge, a packet from 127.0.0.1 may
     * leave through it, and the masquerade gives it an address the container can answer); a
     * container reaches a published port of its own network through a host address (hairpin: the
     * answer must come back through the host to be un-NATed, not straight across the bridge); and
     * forwarding to and from the bridge is accepted.
     */
    List<Rule> networkRules(NetworkSpec network) {
        String bridge = network.bridge();
        return List.of(
                new Rule(NAT, postroutingChain(), List.of("-s", Subnet.of(network).toString(), "!", "-o", bridge, "-j", "MASQUERADE")),
                new Rule(NAT, postroutingChain(), List.of("-s", "127.0.0.0/8", "-o", bridge, "-j", "MASQUERADE")),
                new Rule(NAT, postroutingChain(), List.of("-s", Subnet.of(network).toString(), "-o", bridge,
                        "-m", "conntrack", "--ctstate", "DNAT", "-j", "MASQUERADE")),
                new Rule(FILTER, forwardChain(), List.of("-i", bridge, "-j", "ACCEPT")),
                new Rule(FILTER, forwardChain(), List.of("-o", bridge, "-j", "ACCEPT")));
    }

    /** The DNAT of one published port, tagged with the container's comment. */
    Rule portRule(EndpointNames names, Ipv4Address container, PortMapping mapping) {
        String protocol = mapping.protocol().name().toLowerCase(Locale.ROOT);
        List<String> spec = new ArrayList<>();
        spec.add("-p");
        spec.add(protocol);
        if (mapping.hostAddress().bits() != 0) {
            spec.add("-d");
            spec.add(mapping.hostAddress() + "/32");
        }
        spec.addAll(List.of("-m", protocol, "--dport", Integer.toString(mapping.hostPort()),
                "-m", "comment", "--comment", names.ruleComment(),
                "-j", "DNAT", "--to-destination", container + ":" + mapping.containerPort()));
        return new Rule(NAT, dnatChain(), spec);
    }
}
