package io.launcher.network.bridge;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.launcher.spi.network.Ipv4Address;
import io.launcher.spi.network.PortMapping;
import io.launcher.spi.network.PortMapping.Protocol;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ListeningSocketsTest {
    private static final String HEADER = "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n";

    @TempDir
    Path procNet;

    @Test
    void aTcpListenerOnLoopbackTakesItsPortForAnyAndForLoopbackOnly() throws IOException {
        // 127.0.0.1:8080 listening; 10.0.0.5:9090 only an established connection.
        Files.writeString(procNet.resolve("tcp"), HEADER
                + "   0: 0100007F:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 1 1 0 100 0 0 10 0\n"
                + "   1: 0500000A:2382 0600000A:C350 01 00000000:00000000 00:00000000 00000000     0        0 2 1 0 100 0 0 10 0\n");
        ListeningSockets sockets = new ListeningSockets(procNet);

        assertTrue(sockets.taken(tcp("0.0.0.0", 8080)));
        assertTrue(sockets.taken(tcp("127.0.0.1", 8080)));
        assertFalse(sockets.taken(tcp("10.0.0.5", 8080)));
        assertFalse(sockets.taken(tcp("0.0.0.0", 9090)));
        assertFalse(sockets.taken(new PortMapping(Protocol.UDP, new Ipv4Address(0), 8080, 80)));
    }

    @Test
    void anIpv6WildcardListenerTakesThePortOnEveryAddress() throws IOException {
        Files.writeString(procNet.resolve("tcp6"), HEADER
                + "   0: 00000000000000000000000000000000:0050 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000 0 0 3 1 0 100 0 0 10 0\n"
                + "   1: 00000000000000000000000001000000:0051 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000 0 0 4 1 0 100 0 0 10 0\n");
        ListeningSockets sockets = new ListeningSockets(procNet);

        assertTrue(sockets.taken(tcp("10.0.0.5", 80)));
        assertFalse(sockets.taken(tcp("10.0.0.5", 81)), "::1 does not meet an IPv4 port");
    }

    @Test
    void aBoundUdpSocketTakesItsPort() throws IOException {
        Files.writeString(procNet.resolve("udp"), HEADER
                + "   0: 00000000:0035 00000000:0000 07 00000000:00000000 00:00000000 00000000     0        0 5 2 0000000000000000 0\n");

        assertTrue(new ListeningSockets(procNet).taken(new PortMapping(Protocol.UDP, Ipv4Address.parse("192.0.2.1"), 53, 53)));
    }

    private static PortMapping tcp(String address, int port) {
        return new PortMapping(Protocol.TCP, Ipv4Address.parse(address), port, 80);
    }
}
