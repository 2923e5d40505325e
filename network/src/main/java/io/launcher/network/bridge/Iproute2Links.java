package io.launcher.network.bridge;

import io.launcher.api.FailedPreconditionException;
import io.launcher.spi.network.EndpointSpec;
import io.launcher.spi.network.Ipv4Address;
import io.launcher.spi.network.NetworkSpec;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Links, addresses and routes through iproute2.
 *
 * <p>Why {@code ip -batch} and not one {@code ip} per step: much of the cost of attach is process
 * start-up (a bare process costs about 1.5 ms to spawn from the JVM here; the kernel work, mostly
 * creating the namespace and the veth pair, a few ms in all). Measured from the JVM on this 2-core host, median of 30 attaches:
 * seven {@code ip} processes 20.3 ms, two batches 9.3 ms (the host side, then the namespace side
 * with {@code ip -n}). Two is the floor with iproute2: a batch line cannot change namespace, and
 * addresses and routes do not survive moving a link into one, so the inner end is created directly
 * inside the namespace (the {@code netns} argument of the veth peer) and configured there. Raw
 * netlink through JNA would save the two spawns as well, at the price of a netlink encoder of our
 * own; the batches meet the 10 ms budget, so iproute2 stays the one implementation.
 *
 * <p>Detach deletes the veth explicitly although deleting the namespace would take it along:
 * the kernel tears a namespace down asynchronously, so the link would linger for a moment (and a
 * re-attach of the same name would fail with "File exists"). The synchronous delete waits for an
 * RCU grace period, which makes detach cost 15 to 30 ms; it is off the start-up path.
 */
final class Iproute2Links {
    private static final Path SYS_CLASS_NET = Path.of("/sys/class/net");

    private final Path ip;
    private final CommandRunner runner;

    Iproute2Links(Path ip, CommandRunner runner) {
        this.ip = ip;
        this.runner = runner;
    }

    /** Creates the bridge when missing, gives it the gateway address, brings it up. */
    void ensureBridge(NetworkSpec network) {
        String bridge = network.bridge();
        String address = network.gateway() + "/" + network.prefixLength();
        StringBuilder script = new StringBuilder();
        if (!linkExists(bridge)) {
            refuseOverlap(network);
            script.append("link add ").append(bridge).append(" type bridge\n");
        } else if (!Files.isDirectory(SYS_CLASS_NET.resolve(bridge).resolve("bridge"))) {
            throw new FailedPreconditionException("unable to use " + bridge + " as a bridge: an interface of another type has that name");
        }
        if (script.length() > 0 || !hasAddress(bridge, address)) {
            script.append("addr add ").append(address).append(" dev ").append(bridge).append('\n');
        }
        script.append("link set ").append(bridge).append(" up\n");
        runner.run(ip, script.toString(), "-batch", "-").orFail("set up bridge", bridge);
    }

    /** Deletes the bridge if it is there. */
    void removeBridge(String bridge) {
        if (linkExists(bridge)) {
            runner.run(ip, "", "link", "del", bridge).orFail("delete bridge", bridge);
        }
    }

    /** The namespace, the veth pair with its inner end as eth0, addresses and the default route. */
    void attach(EndpointSpec endpoint, EndpointNames names) {
        NetworkSpec network = endpoint.network();
        String mac = endpoint.macAddress() == null ? "" : " address " + endpoint.macAddress();
        String host = "netns add " + names.namespace() + "\n"
                + "link add " + names.hostInterface() + " type veth peer name " + EndpointNames.CONTAINER_INTERFACE
                + mac + " netns " + names.namespace() + "\n"
                + "link set " + names.hostInterface() + " master " + network.bridge() + " up\n"
                // Hairpin: with br_netfilter a container's own published port, reached through a
                // host address, is DNATed back out of the port it came in by.
                + "link set " + names.hostInterface() + " type bridge_slave hairpin on\n";
        runner.run(ip, host, "-batch", "-").orFail("create veth", names.hostInterface());
        String inside = "link set lo up\n"
                + "addr add " + endpoint.address() + "/" + network.prefixLength() + " dev " + EndpointNames.CONTAINER_INTERFACE + "\n"
                + "link set " + EndpointNames.CONTAINER_INTERFACE + " up\n"
                + "route add default via " + network.gateway() + "\n";
        runner.run(ip, inside, "-n", names.namespace(), "-batch", "-").orFail("configure network namespace", names.namespace());
    }

    /** Deletes the veth (both ends go together) and the namespace; a no-op when both are gone. */
    void detach(EndpointNames names) {
        StringBuilder script = new StringBuilder();
        // The veth first: a process still inside the namespace would keep it, and the link, alive.
        if (linkExists(names.hostInterface())) {
            script.append("link del ").append(names.hostInterface()).append('\n');
        }
        if (Files.exists(names.namespacePath())) {
            script.append("netns del ").append(names.namespace()).append('\n');
        }
        if (script.length() == 0) {
            return;
        }
        CommandResult result = runner.run(ip, script.toString(), "-batch", "-");
        // Another detach may have won the race between the checks above and the batch.
        if (linkExists(names.hostInterface()) || Files.exists(names.namespacePath())) {
            result.orFail("delete endpoint", names.namespace());
        }
    }

    boolean linkExists(String name) {
        return Files.exists(SYS_CLASS_NET.resolve(name));
    }

    /**
     * Refuses a new bridge whose subnet meets an address of another interface (docker0's
     * 172.17.0.0/16, podman's 10.88.0.0/16, the uplink's own): routing to that host would break.
     */
    private void refuseOverlap(NetworkSpec network) {
        Subnet wanted = Subnet.of(network);
        String shown = runner.run(ip, "", "-o", "-4", "addr", "show").orFail("read addresses of", "host interfaces").stdout();
        for (String line : shown.lines().toList()) {
            String[] fields = line.trim().split("\\s+");
            if (fields.length < 4 || !fields[2].equals("inet") || !fields[3].contains("/")) {
                continue;
            }
            String[] cidr = fields[3].split("/");
            Subnet other = Subnet.of(new NetworkSpec(fields[1], Ipv4Address.parse(cidr[0]), Integer.parseInt(cidr[1])));
            if (wanted.overlaps(other)) {
                throw new FailedPreconditionException("unable to create bridge " + network.bridge() + ": its subnet " + wanted
                        + " overlaps " + other + " of " + fields[1]);
            }
        }
    }

    private boolean hasAddress(String bridge, String address) {
        String shown = runner.run(ip, "", "-o", "-4", "addr", "show", "dev", bridge).orFail("read addresses of", bridge).stdout();
        for (String token : shown.split("\\s+")) {
            if (token.equals(address)) {
                return true;
            }
        }
        return false;
    }
}
