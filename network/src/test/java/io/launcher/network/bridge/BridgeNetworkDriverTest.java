package io.launcher.network.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.launcher.api.ContainerId;
import io.launcher.api.FailedPreconditionException;
import io.launcher.api.SystemCallFailedException;
import io.launcher.api.UnavailableException;
import io.launcher.spi.network.Endpoint;
import io.launcher.spi.network.EndpointSpec;
import io.launcher.spi.network.Ipv4Address;
import io.launcher.spi.network.NetworkSpec;
import io.launcher.spi.network.PortMapping;
import io.launcher.spi.network.PortMapping.Protocol;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The driver's logic against a recording fake host: which commands, in which order, with what. */
class BridgeNetworkDriverTest {
    private static final NetworkSpec NETWORK = new NetworkSpec("ltunit0", Ipv4Address.parse("10.213.7.1"), 24);
    private static final HostTools TOOLS = new HostTools(Path.of("/sbin/ip"), Optional.of(Path.of("/sbin/iptables")),
            Optional.of(Path.of("/sbin/iptables-save")), Optional.of(Path.of("/sbin/iptables-restore")));

    @TempDir
    Path stateDir;
    @TempDir
    Path procSys;
    @TempDir
    Path procNet;

    private RecordingRunner host;

    @BeforeEach
    void setUp() {
        host = new RecordingRunner();
    }

    @Test
    void attachIsTwoIpBatchesHostSideThenInside() {
        EndpointSpec spec = spec(2);
        String ns = "launcher-" + spec.container().shortId();
        String veth = "lv" + spec.container().value().substring(0, 10);

        Endpoint endpoint = driver(TOOLS).attach(spec);

        assertEquals(List.of("ip -batch -", "ip -n " + ns + " -batch -"), host.lines());
        assertEquals("netns add " + ns + "\n"
                + "link add " + veth + " type veth peer name eth0 address 02:42:0a:d5:07:02 netns " + ns + "\n"
                + "link set " + veth + " master ltunit0 up\n"
                + "link set " + veth + " type bridge_slave hairpin on\n", host.calls.get(0).stdin());
        assertEquals("link set lo up\naddr add 10.213.7.2/24 dev eth0\nlink set eth0 up\nroute add default via 10.213.7.1\n",
                host.calls.get(1).stdin());
        assertEquals(Path.of("/run/netns", ns), endpoint.namespace());
        assertEquals(veth, endpoint.hostInterface());
    }

    @Test
    void aFailedAttachLeavesNoRecord() {
        host.answering(call -> call.args().contains("-n") ? new CommandResult(2, "", "RTNETLINK answers: File exists\n")
                : new CommandResult(0, "", ""));
        EndpointSpec spec = spec(2);
        BridgeNetworkDriver driver = driver(TOOLS);

        SystemCallFailedException failed = assertThrows(SystemCallFailedException.class, () -> driver.attach(spec));

        assertTrue(failed.getMessage().endsWith(": RTNETLINK answers: File exists"), failed.getMessage());
        assertFalse(Files.exists(stateDir.resolve("endpoints").resolve(spec.container().value())));
    }

    @Test
    void publishAddsOneTaggedDnatRule() {
        BridgeNetworkDriver driver = driver(TOOLS);
        Endpoint endpoint = driver.attach(spec(2));
        host.calls.clear();

        driver.publish(endpoint, new PortMapping(Protocol.TCP, new Ipv4Address(0), 8080, 80));

        assertEquals(List.of("iptables-restore -w --noflush"), host.lines());
        assertEquals("*nat\n-A LTU-DNAT -p tcp -m tcp --dport 8080 -m comment --comment launcher:" + endpoint.container()
                + " -j DNAT --to-destination 10.213.7.2:80\nCOMMIT\n", host.calls.get(0).stdin());
    }

    @Test
    void anAllocatedPortIsRefusedBeforeAnyCommand() throws IOException {
        BridgeNetworkDriver driver = driver(TOOLS);
        Endpoint first = driver.attach(spec(2));
        Endpoint second = driver.attach(spec(3));
        driver.publish(first, new PortMapping(Protocol.TCP, Ipv4Address.parse("127.0.0.1"), 8080, 80));
        Files.writeString(procNet.resolve("udp"), "header\n   0: 00000000:0035 00000000:0000 07 0 0 0 0 0 5 2 0 0\n");
        host.calls.clear();

        FailedPreconditionException taken = assertThrows(FailedPreconditionException.class,
                () -> driver.publish(second, new PortMapping(Protocol.TCP, new Ipv4Address(0), 8080, 80)));
        assertThrows(FailedPreconditionException.class,
                () -> driver.publish(second, new PortMapping(Protocol.UDP, new Ipv4Address(0), 53, 53)));

        assertEquals("unable to publish 0.0.0.0:8080/tcp: port is already allocated", taken.getMessage());
        assertEquals(List.of(), host.calls);
        driver.publish(second, new PortMapping(Protocol.UDP, new Ipv4Address(0), 8080, 80));
    }

    @Test
    void withoutIptablesPublishNamesTheMissingTool() {
        HostTools noIptables = new HostTools(Path.of("/sbin/ip"), Optional.empty(), Optional.empty(), Optional.empty());
        BridgeNetworkDriver driver = driver(noIptables);
        Endpoint endpoint = driver.attach(spec(2));

        UnavailableException missing = assertThrows(UnavailableException.class,
                () -> driver.publish(endpoint, new PortMapping(Protocol.TCP, new Ipv4Address(0), 8080, 80)));

        assertTrue(missing.getMessage().startsWith("iptables is not installed"), missing.getMessage());
    }

    @Test
    void detachDeletesOnlyItsOwnRules() {
        BridgeNetworkDriver driver = driver(TOOLS);
        Endpoint mine = driver.attach(spec(2));
        driver.publish(mine, new PortMapping(Protocol.TCP, new Ipv4Address(0), 8080, 80));
        ContainerId other = ContainerId.random();
        String saved = "*nat\n:LTU-DNAT - [0:0]\n"
                + "-A LTU-DNAT -p tcp -m tcp --dport 8080 -m comment --comment \"launcher:" + mine.container() + "\" -j DNAT --to-destination 10.213.7.2:80\n"
                + "-A LTU-DNAT -p tcp -m tcp --dport 9090 -m comment --comment launcher:" + other + " -j DNAT --to-destination 10.213.7.3:80\n"
                + "COMMIT\n";
        host.answering(call -> new CommandResult(0, call.tool().endsWith("iptables-save") ? saved : "", ""));
        host.calls.clear();

        driver.detach(mine);

        assertEquals(List.of("iptables-save -t nat", "iptables-restore -w --noflush"), host.lines());
        assertEquals("*nat\n-D LTU-DNAT -p tcp -m tcp --dport 8080 -m comment --comment \"launcher:" + mine.container()
                + "\" -j DNAT --to-destination 10.213.7.2:80\nCOMMIT\n", host.calls.get(1).stdin());
    }

    @Test
    void sweepForgetsTheDeadAndKeepsTheAlive() {
        BridgeNetworkDriver driver = driver(TOOLS);
        Endpoint alive = driver.attach(spec(2));
        Endpoint dead = driver.attach(spec(3));

        driver.sweep(Set.of(alive.container()));

        assertTrue(Files.exists(stateDir.resolve("endpoints").resolve(alive.container().value())));
        assertFalse(Files.exists(stateDir.resolve("endpoints").resolve(dead.container().value())));
    }

    @Test
    void ensureNetworkAddsWhatIsMissingAndNothingTheSecondTime() throws IOException {
        Files.createDirectories(procSys.resolve("net/ipv4/conf/ltunit0"));
        Files.writeString(procSys.resolve("net/ipv4/ip_forward"), "0\n");
        Files.writeString(procSys.resolve("net/ipv4/conf/ltunit0/route_localnet"), "0\n");
        host.answering(call -> new CommandResult(call.args().contains("-C") || call.args().contains("-S") ? 1 : 0, "", ""));

        driver(TOOLS).ensureNetwork(NETWORK);

        assertEquals(List.of("ip -o -4 addr show", "ip -batch -"), host.lines().subList(0, 2));
        assertEquals("link add ltunit0 type bridge\naddr add 10.213.7.1/24 dev ltunit0\nlink set ltunit0 up\n", host.calls.get(1).stdin());
        assertEquals("1", Files.readString(procSys.resolve("net/ipv4/ip_forward")));
        assertEquals("1", Files.readString(procSys.resolve("net/ipv4/conf/ltunit0/route_localnet")));
        List<String> changes = host.lines().stream().filter(line -> line.contains(" -N ") || line.contains(" -A ") || line.contains(" -I ")).toList();
        assertEquals(List.of(
                "iptables -w -t nat -N LTU-DNAT",
                "iptables -w -t nat -N LTU-POSTROUTING",
                "iptables -w -t filter -N LTU-FORWARD",
                "iptables -w -t nat -A LTU-POSTROUTING -s 10.213.7.0/24 ! -o ltunit0 -j MASQUERADE",
                "iptables -w -t nat -A LTU-POSTROUTING -s 127.0.0.0/8 -o ltunit0 -j MASQUERADE",
                "iptables -w -t nat -A LTU-POSTROUTING -s 10.213.7.0/24 -o ltunit0 -m conntrack --ctstate DNAT -j MASQUERADE",
                "iptables -w -t filter -A LTU-FORWARD -i ltunit0 -j ACCEPT",
                "iptables -w -t filter -A LTU-FORWARD -o ltunit0 -j ACCEPT",
                "iptables -w -t nat -A PREROUTING -m addrtype --dst-type LOCAL -j LTU-DNAT",
                "iptables -w -t nat -A OUTPUT -m addrtype --dst-type LOCAL -j LTU-DNAT",
                "iptables -w -t nat -A POSTROUTING -j LTU-POSTROUTING",
                "iptables -w -t filter -I FORWARD -j LTU-FORWARD"), changes);

        host.answering(call -> new CommandResult(0, "", ""));
        host.calls.clear();
        driver(TOOLS).ensureNetwork(NETWORK);

        assertTrue(host.lines().stream().noneMatch(line -> line.contains(" -N ") || line.contains(" -A ") || line.contains(" -I ")), host.lines().toString());
    }

    @Test
    void aNewBridgeMayNotOverlapAnotherInterfacesSubnet() {
        String addresses = "1: lo    inet 127.0.0.1/8 scope host lo\\       valid_lft forever\n"
                + "5: docker0    inet 10.213.0.1/16 brd 10.213.255.255 scope global docker0\\       valid_lft forever\n";
        host.answering(call -> new CommandResult(0, call.args().contains("addr") ? addresses : "", ""));

        FailedPreconditionException overlap = assertThrows(FailedPreconditionException.class, () -> driver(TOOLS).ensureNetwork(NETWORK));

        assertEquals("unable to create bridge ltunit0: its subnet 10.213.7.0/24 overlaps 10.213.0.0/16 of docker0", overlap.getMessage());
        assertEquals(List.of("ip -o -4 addr show"), host.lines());
    }

    private BridgeNetworkDriver driver(HostTools tools) {
        return new BridgeNetworkDriver(new BridgeOptions(stateDir, "LTU"), tools, host, new ListeningSockets(procNet), new Sysctl(procSys));
    }

    private static EndpointSpec spec(int host) {
        return new EndpointSpec(ContainerId.random(), NETWORK, new Ipv4Address((NETWORK.gateway().bits() & 0xffffff00) | host),
                String.format("02:42:0a:d5:07:%02x", host));
    }
}
