package io.launcher.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.launcher.api.FailedPreconditionException;
import io.launcher.api.PortBinding;
import io.launcher.api.PortBinding.Protocol;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The host port policy against a pretend host whose busy ports the test chooses. */
class PortAllocatorTest {
    private final Set<Integer> busy = new HashSet<>();
    private final PortAllocator ports = new PortAllocator((protocol, ip, port) -> !busy.contains(port));

    private static PortBinding tcp(int host, int container) {
        return new PortBinding(Protocol.TCP, "", host, container);
    }

    @Test
    void aFixedPortIsGivenOnEveryAddress() {
        assertEquals(List.of(new PortBinding(Protocol.TCP, "0.0.0.0", 8080, 80)), ports.allocate(List.of(tcp(8080, 80))));
    }

    @Test
    void aGivenHostAddressIsKept() {
        List<PortBinding> bound = ports.allocate(List.of(new PortBinding(Protocol.TCP, "127.0.0.1", 8080, 80)));
        assertEquals("127.0.0.1", bound.get(0).hostIp());
    }

    @Test
    void aPortAnotherContainerHoldsIsAlreadyAllocated() {
        ports.allocate(List.of(tcp(8080, 80)));
        FailedPreconditionException e = assertThrows(FailedPreconditionException.class, () -> ports.allocate(List.of(tcp(8080, 81))));
        assertEquals("Bind for 0.0.0.0:8080 failed: port is already allocated", e.getMessage());
    }

    @Test
    void aPortAHostSocketHoldsIsAlreadyAllocated() {
        busy.add(8080);
        assertThrows(FailedPreconditionException.class, () -> ports.allocate(List.of(tcp(8080, 80))));
    }

    @Test
    void tcpAndUdpAreSeparatePorts() {
        ports.allocate(List.of(tcp(5353, 53)));
        assertEquals(5353, ports.allocate(List.of(new PortBinding(Protocol.UDP, "", 5353, 53))).get(0).hostPort());
    }

    @Test
    void zeroPicksFromTheEphemeralRangeSkippingBusyAndHeldPorts() {
        busy.add(PortAllocator.FIRST);
        int first = ports.allocate(List.of(tcp(0, 80))).get(0).hostPort();
        assertEquals(PortAllocator.FIRST + 1, first);
        int second = ports.allocate(List.of(tcp(0, 80))).get(0).hostPort();
        assertEquals(PortAllocator.FIRST + 2, second);
    }

    @Test
    void aReleasedPortIsNotHandedOutAgainAtOnce() {
        List<PortBinding> bound = ports.allocate(List.of(tcp(0, 80)));
        ports.release(bound);
        assertNotEquals(bound.get(0).hostPort(), ports.allocate(List.of(tcp(0, 80))).get(0).hostPort());
    }

    @Test
    void allOrNothing() {
        ports.allocate(List.of(tcp(9000, 80)));
        assertThrows(FailedPreconditionException.class, () -> ports.allocate(List.of(tcp(8080, 80), tcp(9000, 81))));
        assertEquals(8080, ports.allocate(List.of(tcp(8080, 80))).get(0).hostPort(), "8080 was given back");
    }

    @Test
    void twoBindingsOfOneContainerCannotShareAHostPort() {
        assertThrows(FailedPreconditionException.class, () -> ports.allocate(List.of(tcp(8080, 80), tcp(8080, 81))));
    }

    @Test
    void adoptedPortsAreHeld() {
        ports.adopt(List.of(new PortBinding(Protocol.TCP, "0.0.0.0", 8080, 80)));
        assertThrows(FailedPreconditionException.class, () -> ports.allocate(List.of(tcp(8080, 80))));
    }

    @Test
    void theRangeWrapsAround() {
        for (int port = PortAllocator.FIRST; port < PortAllocator.LAST; port++) {
            busy.add(port);
        }
        assertEquals(PortAllocator.LAST, ports.allocate(List.of(tcp(0, 80))).get(0).hostPort());
        busy.remove(PortAllocator.FIRST);
        assertEquals(PortAllocator.FIRST, ports.allocate(List.of(tcp(0, 80))).get(0).hostPort());
        assertTrue(busy.size() > 1000);
    }
}
