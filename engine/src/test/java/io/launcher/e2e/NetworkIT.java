package io.launcher.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.launcher.e2e.Distribution.Result;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Issue 5 through the real distribution: the bridge, published ports, the /etc files, the none and
 * host modes, and clean-up. Traffic only ever goes between the host and containers this test
 * made: their bridge addresses, 127.0.0.1 and the bridge's own address on the host.
 */
@Tag("privileged")
class NetworkIT {
    private static final String HTTPD = "mkdir -p /www && echo hello > /www/index.html && exec httpd -f -p 80 -h /www";
    private static Distribution launcher;

    @BeforeAll
    static void start() throws Exception {
        launcher = Distribution.start().withBaseImage();
    }

    @AfterAll
    static void stop() throws Exception {
        if (launcher != null) {
            launcher.close();
        }
    }

    private static Result ok(String... args) throws Exception {
        return launcher.launcherOk(args);
    }

    private static String address(String container) throws Exception {
        return ok("inspect", "-f", "{{.NetworkSettings.IPAddress}}", container).outLine();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** GETs / over plain HTTP/1.0, retrying while the server starts; the body, or "" after 10 s. */
    private static String get(String host, int port) throws Exception {
        for (int i = 0; i < 100; i++) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(host, port), 1000);
                socket.setSoTimeout(3000);
                OutputStream out = socket.getOutputStream();
                out.write("GET / HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                InputStream in = socket.getInputStream();
                String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                if (answer.contains("\r\n\r\n")) {
                    return answer.substring(answer.indexOf("\r\n\r\n") + 4);
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        return "";
    }

    @Test
    void twoContainersReachEachOtherByAddress() throws Exception {
        ok("run", "-d", "--name", "peer", "base", "sleep", "60");
        String peer = address("peer");
        assertTrue(peer.startsWith("10.87."), peer);
        Result ping = launcher.launcher("run", "--rm", "base", "ping", "-c1", "-W2", peer);
        assertEquals(0, ping.exitCode(), ping.out() + ping.err());
        ok("rm", "-f", "peer");
    }

    @Test
    void aPublishedPortAnswersOnLoopbackAndOnTheBridge() throws Exception {
        int loopback = freePort();
        int everywhere = freePort();
        ok("run", "-d", "--name", "web", "-p", "127.0.0.1:" + loopback + ":80", "-p", everywhere + ":80", "base", "sh", "-c", HTTPD);
        assertEquals("hello\n", get("127.0.0.1", loopback));
        assertEquals("hello\n", get(address("web"), 80));
        assertEquals("hello\n", get("10.87.0.1", everywhere), "the bridge's own address on the host");
        Result port = ok("port", "web");
        assertEquals("80/tcp -> 127.0.0.1:" + loopback + "\n80/tcp -> 0.0.0.0:" + everywhere + "\n", port.out());
        assertEquals("127.0.0.1:" + loopback, ok("port", "web", "80/tcp").out().lines().findFirst().orElseThrow());
        Result ps = ok("ps", "--format", "{{.Ports}}", "--filter", "name=web");
        assertEquals("127.0.0.1:" + loopback + "->80/tcp, 0.0.0.0:" + everywhere + "->80/tcp\n", ps.out());
        ok("rm", "-f", "web");
    }

    @Test
    void aPickedPortIsShownAndAnswers() throws Exception {
        ok("run", "-d", "--name", "picked", "-p", "127.0.0.1::80", "base", "sh", "-c", HTTPD);
        String hostSide = ok("port", "picked", "80").outLine();
        int port = Integer.parseInt(hostSide.substring(hostSide.lastIndexOf(':') + 1));
        assertTrue(port >= 32768 && port <= 60999, hostSide);
        assertEquals("hello\n", get("127.0.0.1", port));
        ok("rm", "-f", "picked");
    }

    @Test
    void aPortInUseIsRefusedAndLeavesNothingHalfStarted() throws Exception {
        Set<String> before = leftovers();
        try (ServerSocket taken = new ServerSocket(0)) {
            Result run = launcher.launcher("run", "--rm", "-p", taken.getLocalPort() + ":80", "base", "true");
            assertEquals(125, run.exitCode());
            assertEquals("launcher: Error response from daemon: Bind for 0.0.0.0:" + taken.getLocalPort()
                    + " failed: port is already allocated", run.err().lines().findFirst().orElseThrow());
        }
        assertEquals(before, leftovers());
        assertFalse(ok("ps", "-a").out().contains("true"), "--rm removed the container that could not start");
    }

    @Test
    void theEtcFilesNameTheContainer() throws Exception {
        Result run = ok("run", "--rm", "--name", "named", "-h", "box", "base", "sh", "-c",
                "cat /etc/hostname; grep -c '^127.0.0.1' /etc/hosts; grep box /etc/hosts; grep -c 'nameserver 127\\.' /etc/resolv.conf; true");
        String[] lines = run.out().split("\n");
        assertEquals("box", lines[0]);
        assertEquals("1", lines[1]);
        assertTrue(lines[2].matches("10\\.87\\.\\d+\\.\\d+\tbox named"), lines[2]);
        assertEquals("0", lines[3]);
    }

    @Test
    void noneHasOnlyLoopback() throws Exception {
        assertEquals("lo", ok("run", "--rm", "--network", "none", "base", "ls", "/sys/class/net").outLine());
    }

    @Test
    void hostSeesTheHostsInterfaces() throws Exception {
        Set<String> host = new TreeSet<>();
        try (Stream<Path> links = Files.list(Path.of("/sys/class/net"))) {
            links.forEach(link -> host.add(link.getFileName().toString()));
        }
        Result run = ok("run", "--rm", "--network", "host", "base", "ls", "/sys/class/net");
        Set<String> seen = new TreeSet<>(List.of(run.out().strip().split("\\s+")));
        assertTrue(seen.contains("lo") && seen.contains("launcher0"), seen.toString());
        assertTrue(host.containsAll(seen.stream().filter(name -> !name.startsWith("lv")).toList()), seen + " vs " + host);
    }

    @Test
    void twentyRunsLeaveNoVethNamespaceRuleOrAllocation() throws Exception {
        Set<String> before = leftovers();
        int port = freePort();
        String first = null;
        for (int i = 0; i < 20; i++) {
            Result run = ok("run", "--rm", "-p", port + ":80", "base", "sh", "-c", "ip -o -4 addr show eth0 | awk '{print $4}'");
            first = first == null ? run.outLine() : first;
            assertEquals(first, run.outLine(), "the address is given back at each exit");
        }
        assertEquals(before, leftovers());
    }

    @Test
    void aKilledEngineClearsTheEndpointOfAContainerThatDiedMeanwhile() throws Exception {
        Set<String> before = leftovers();
        ok("run", "-d", "--name", "orphan", "-p", freePort() + ":80", "base", "sleep", "600");
        String pid = ok("inspect", "-f", "{{.State.Pid}}", "orphan").outLine();
        launcher.killDaemon();
        new ProcessBuilder("kill", "-9", pid).start().waitFor();
        Thread.sleep(500);
        launcher.startDaemon();
        ok("rm", "-f", "orphan");
        assertEquals(before, leftovers());
    }

    /** The host's veths, namespaces and iptables lines of launcher. */
    private static Set<String> leftovers() throws Exception {
        Set<String> found = new TreeSet<>();
        try (Stream<Path> links = Files.list(Path.of("/sys/class/net"))) {
            links.map(l -> l.getFileName().toString()).filter(n -> n.startsWith("lv")).forEach(n -> found.add("link " + n));
        }
        if (Files.isDirectory(Path.of("/run/netns"))) {
            try (Stream<Path> spaces = Files.list(Path.of("/run/netns"))) {
                spaces.map(s -> s.getFileName().toString()).filter(n -> n.startsWith("launcher-")).forEach(n -> found.add("netns " + n));
            }
        }
        Process save = new ProcessBuilder("iptables-save").redirectErrorStream(true).start();
        String rules = new String(save.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        save.waitFor();
        rules.lines().filter(l -> l.contains("launcher") && !l.startsWith("#")).forEach(l -> found.add("rule " + l));
        return found;
    }
}
