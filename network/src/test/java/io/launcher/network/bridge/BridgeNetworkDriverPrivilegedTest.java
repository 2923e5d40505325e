package io.launcher.network.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.launcher.api.ContainerId;
import io.launcher.api.FailedPreconditionException;
import io.launcher.spi.network.Endpoint;
import io.launcher.spi.network.EndpointSpec;
import io.launcher.spi.network.Ipv4Address;
import io.launcher.spi.network.NetworkSpec;
import io.launcher.spi.network.PortMapping;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The driver on the real host, on a bridge, subnet and chain prefix of the test's own
 * ({@code lt<hex>}, {@code 10.213.N.0/24}, {@code LT<HEX>}) so it never touches a real engine's
 * network. Traffic goes only between the host and namespaces the test made.
 */
@Tag("privileged")
class BridgeNetworkDriverPrivilegedTest {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int CONTAINER_PORT = 8080;

    @TempDir
    static Path stateDir;

    private static String tag;
    private static String ipForwardBefore;
    private static NetworkSpec network;
    private static BridgeNetworkDriver driver;
    private final List<Endpoint> endpoints = new ArrayList<>();
    private final List<Process> listeners = new ArrayList<>();

    @BeforeAll
    static void setUp() {
        assumeTrue(HostTools.effectiveUserIsRoot(), "bridge networking tests need root");
        assumeTrue(HostTools.probe().available(), () -> "bridge driver unavailable: " + HostTools.probe().reason());
        ipForwardBefore = read("/proc/sys/net/ipv4/ip_forward");
        tag = HexFormat.of().formatHex(RANDOM.generateSeed(3));
        int third = freeSubnet();
        network = new NetworkSpec("lt" + tag, Ipv4Address.parse("10.213." + third + ".1"), 24);
        driver = new BridgeNetworkDriver(new BridgeOptions(stateDir, "LT" + tag.toUpperCase(Locale.ROOT)));
        driver.ensureNetwork(network);
    }

    @AfterAll
    static void tearDown() {
        if (driver == null) {
            return;
        }
        driver.sweep(Set.of());
        driver.removeNetwork(network);
        assertFalse(Files.exists(Path.of("/sys/class/net", network.bridge())), "bridge left behind");
        assertEquals(List.of(), TestHost.rulesMentioning("LT" + tag.toUpperCase(Locale.ROOT)), "chains left behind");
        // Forwarding is host-wide: put it back unless a real engine's bridge may rely on it.
        if (!Files.exists(Path.of("/sys/class/net/launcher0"))) {
            write("/proc/sys/net/ipv4/ip_forward", ipForwardBefore);
        }
    }

    @AfterEach
    void cleanUp() {
        listeners.forEach(Process::destroyForcibly);
        endpoints.forEach(driver::detach);
    }

    @Test
    void ensureNetworkTwiceChangesNothing() {
        List<String> before = TestHost.rulesMentioning(chainPrefix());
        String addresses = TestHost.output("ip", "-o", "-4", "addr", "show", "dev", network.bridge());

        // A fresh driver checks every piece, as after an engine restart; the first one remembers.
        long start = System.nanoTime();
        new BridgeNetworkDriver(new BridgeOptions(stateDir, chainPrefix())).ensureNetwork(network);
        long checked = System.nanoTime();
        driver.ensureNetwork(network);
        System.out.printf("ensureNetwork: %.2f ms checking everything, %.3f ms when already set up%n", (checked - start) / 1e6,
                (System.nanoTime() - checked) / 1e6);

        assertEquals(before, TestHost.rulesMentioning(chainPrefix()));
        assertEquals(addresses, TestHost.output("ip", "-o", "-4", "addr", "show", "dev", network.bridge()));
        assertTrue(addresses.contains(network.gateway() + "/24"), addresses);
        assertEquals("1", read("/proc/sys/net/ipv4/ip_forward"));
        assertEquals("1", read("/proc/sys/net/ipv4/conf/" + network.bridge() + "/route_localnet"));
    }

    @Test
    void endpointsReachEachOtherAndTheHost() {
        Endpoint first = attach(2);
        Endpoint second = attach(3);

        assertEquals(Path.of("/run/netns", "launcher-" + first.container().shortId()), first.namespace());
        String link = TestHost.output("ip", "-n", namespace(first), "-o", "link", "show", "eth0");
        assertTrue(link.contains(first.spec().macAddress()), link);
        ping(namespace(first), second.spec().address());
        ping(namespace(second), first.spec().address());
        ping(namespace(first), network.gateway());
        assertEquals(0, TestHost.run("busybox", "ping", "-c1", "-W2", first.spec().address().toString()).exitCode());
        assertEquals(0, TestHost.run("busybox", "ping", "-c1", "-W2", second.spec().address().toString()).exitCode());
    }

    @Test
    void publishedPortAnswersOnLoopbackAndOnTheBridgeAddress() throws Exception {
        Endpoint endpoint = attach(4);
        int hostPort = freePort();
        listen(endpoint);

        driver.publish(endpoint, new PortMapping(PortMapping.Protocol.TCP, new Ipv4Address(0), hostPort, CONTAINER_PORT));

        assertEquals("hello", greeting("127.0.0.1", hostPort));
        assertEquals("hello", greeting(network.gateway().toString(), hostPort));
        Endpoint neighbour = attach(8);
        assertEquals("hello", greetingInside(neighbour, network.gateway().toString(), hostPort), "hairpin from a neighbour");
        assertEquals("hello", greetingInside(endpoint, network.gateway().toString(), hostPort), "hairpin to itself");
    }

    /** Connects from inside a namespace with busybox nc and returns the first line read. */
    private static String greetingInside(Endpoint from, String host, int port) {
        TestHost.Outcome outcome = TestHost.run("ip", "netns", "exec", namespace(from), "busybox", "nc", "-w", "2", host, Integer.toString(port));
        return outcome.output().strip();
    }

    @Test
    void portInUseIsRefusedBeforeAnyRule() throws Exception {
        Endpoint endpoint = attach(5);
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            PortMapping mapping = new PortMapping(PortMapping.Protocol.TCP, new Ipv4Address(0), taken.getLocalPort(), CONTAINER_PORT);
            FailedPreconditionException refused = assertThrows(FailedPreconditionException.class, () -> driver.publish(endpoint, mapping));
            assertTrue(refused.getMessage().contains("port is already allocated"), refused.getMessage());
        }
        int hostPort = freePort();
        driver.publish(endpoint, new PortMapping(PortMapping.Protocol.TCP, new Ipv4Address(0), hostPort, CONTAINER_PORT));
        Endpoint other = attach(6);
        PortMapping again = new PortMapping(PortMapping.Protocol.TCP, Ipv4Address.parse("127.0.0.1"), hostPort, CONTAINER_PORT);
        assertThrows(FailedPreconditionException.class, () -> driver.publish(other, again));
        assertEquals(1, TestHost.rulesMentioning("--dport " + hostPort + " ").size());
    }

    @Test
    void detachLeavesNothingAndMayRunTwice() {
        Endpoint endpoint = attach(7);
        driver.publish(endpoint, new PortMapping(PortMapping.Protocol.TCP, new Ipv4Address(0), freePort(), CONTAINER_PORT));
        driver.publish(endpoint, new PortMapping(PortMapping.Protocol.UDP, new Ipv4Address(0), freePort(), CONTAINER_PORT));

        driver.detach(endpoint);
        driver.detach(endpoint);

        assertNothingLeft(endpoint.container());
    }

    @Test
    void twentyCyclesLeaveNothing() {
        long[] attachNanos = new long[20];
        long[] detachNanos = new long[20];
        for (int i = 0; i < 20; i++) {
            EndpointSpec spec = spec(20 + i);
            long start = System.nanoTime();
            Endpoint endpoint = driver.attach(spec);
            long attached = System.nanoTime();
            driver.detach(endpoint);
            detachNanos[i] = System.nanoTime() - attached;
            attachNanos[i] = attached - start;
            assertNothingLeft(spec.container());
        }
        Arrays.sort(attachNanos);
        Arrays.sort(detachNanos);
        System.out.printf("20 cycles: attach median %.2f ms (min %.2f, max %.2f), detach median %.2f ms%n", attachNanos[10] / 1e6,
                attachNanos[0] / 1e6, attachNanos[19] / 1e6, detachNanos[10] / 1e6);
    }

    @Test
    void concurrentAttachesAllSucceed() throws Exception {
        List<EndpointSpec> specs = List.of(spec(50), spec(51), spec(52), spec(53));
        ExecutorService pool = Executors.newFixedThreadPool(specs.size());
        try {
            List<Future<Endpoint>> attached = new ArrayList<>();
            specs.forEach(spec -> attached.add(pool.submit(() -> driver.attach(spec))));
            for (Future<Endpoint> endpoint : attached) {
                endpoints.add(endpoint.get(30, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        for (Endpoint endpoint : endpoints) {
            ping(namespace(endpoints.get(0)), endpoint.spec().address());
        }
    }

    @Test
    void sweepRemovesOnlyTheDead() {
        Endpoint alive = attach(40);
        Endpoint dead = driver.attach(spec(41));
        driver.publish(dead, new PortMapping(PortMapping.Protocol.TCP, new Ipv4Address(0), freePort(), CONTAINER_PORT));

        driver.sweep(Set.of(alive.container()));

        assertNothingLeft(dead.container());
        assertTrue(Files.exists(alive.namespace()));
        assertTrue(Files.exists(Path.of("/sys/class/net", alive.hostInterface())));
    }

    private Endpoint attach(int host) {
        Endpoint endpoint = driver.attach(spec(host));
        endpoints.add(endpoint);
        return endpoint;
    }

    private static EndpointSpec spec(int host) {
        Ipv4Address address = new Ipv4Address((network.gateway().bits() & 0xffffff00) | host);
        String mac = String.format("02:42:0a:d5:%02x:%02x", (address.bits() >>> 8) & 255, host);
        return new EndpointSpec(ContainerId.random(), network, address, mac);
    }

    private static void assertNothingLeft(ContainerId id) {
        EndpointNames names = EndpointNames.of(id);
        assertFalse(TestHost.output("ip", "-o", "link").contains(names.hostInterface()), "veth left behind");
        assertFalse(TestHost.output("ip", "netns", "list").contains(names.namespace()), "namespace left behind");
        assertEquals(List.of(), TestHost.rulesMentioning(id.value()), "rules left behind");
    }

    /** A busybox nc in the namespace that greets each connection with "hello". */
    private void listen(Endpoint endpoint) {
        try {
            Process process = new ProcessBuilder("ip", "netns", "exec", namespace(endpoint), "busybox", "nc", "-ll", "-p",
                    Integer.toString(CONTAINER_PORT), "-e", "/bin/busybox", "echo", "hello").redirectErrorStream(true).start();
            listeners.add(process);
        } catch (IOException e) {
            throw new AssertionError("unable to start nc", e);
        }
    }

    /** Connects (retrying while nc starts) and reads the first line. */
    private static String greeting(String host, int port) throws Exception {
        IOException last = null;
        for (int attempt = 0; attempt < 50; attempt++) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(host, port), 1000);
                socket.setSoTimeout(2000);
                String line = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8)).readLine();
                if (line != null) {
                    return line;
                }
            } catch (IOException e) {
                last = e;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no greeting from " + host + ":" + port, last);
    }

    private static void ping(String namespace, Ipv4Address address) {
        TestHost.Outcome outcome = TestHost.run("ip", "netns", "exec", namespace, "busybox", "ping", "-c1", "-W2", address.toString());
        assertEquals(0, outcome.exitCode(), outcome.output());
    }

    private static String namespace(Endpoint endpoint) {
        return endpoint.namespace().getFileName().toString();
    }

    private static String chainPrefix() {
        return "LT" + tag.toUpperCase(Locale.ROOT);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** A third octet whose 10.213.N.0/24 no route of this host mentions. */
    private static int freeSubnet() {
        String routes = TestHost.output("ip", "-4", "route", "show", "table", "all");
        for (int attempt = 0; attempt < 100; attempt++) {
            int third = 1 + RANDOM.nextInt(254);
            if (!routes.contains("10.213." + third + ".")) {
                return third;
            }
        }
        throw new AssertionError("no free 10.213.N.0/24 subnet");
    }

    private static void write(String file, String value) {
        try {
            Files.writeString(Path.of(file), value);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static String read(String file) {
        try {
            return Files.readString(Path.of(file)).strip();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
