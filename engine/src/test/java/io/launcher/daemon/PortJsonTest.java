package io.launcher.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.launcher.api.PortBinding;
import io.launcher.api.PortBinding.Protocol;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Ports in Docker's JSON shapes, as docker-java and the docker CLI read them. */
class PortJsonTest {
    private final List<PortBinding> bound = List.of(new PortBinding(Protocol.TCP, "0.0.0.0", 8080, 80),
            new PortBinding(Protocol.UDP, "127.0.0.1", 5353, 53));

    @Test
    void inspectPortsListBoundAndExposedPorts() {
        assertEquals("{\"443/tcp\":null,\"80/tcp\":[{\"HostIp\":\"0.0.0.0\",\"HostPort\":\"8080\"}],"
                        + "\"53/udp\":[{\"HostIp\":\"127.0.0.1\",\"HostPort\":\"5353\"}]}",
                PortJson.writeBindings(bound, List.of("443/tcp")).toString());
    }

    @Test
    void aPortToPickIsAnEmptyHostPort() {
        assertEquals("{\"80/tcp\":[{\"HostIp\":\"\",\"HostPort\":\"\"}]}",
                PortJson.writeBindings(List.of(new PortBinding(Protocol.TCP, "", 0, 80)), List.of()).toString());
    }

    @Test
    void bindingsReadBack() {
        assertEquals(bound, PortJson.readBindings(PortJson.writeBindings(bound, List.of("443/tcp"))));
    }

    @Test
    void theListHasARowPerPublishedPortThenPerExposedOne() {
        assertEquals("[{\"IP\":\"0.0.0.0\",\"PrivatePort\":80,\"PublicPort\":8080,\"Type\":\"tcp\"},"
                        + "{\"IP\":\"127.0.0.1\",\"PrivatePort\":53,\"PublicPort\":5353,\"Type\":\"udp\"},"
                        + "{\"PrivatePort\":443,\"Type\":\"tcp\"}]",
                PortJson.summary(bound, List.of("80/tcp", "443/tcp")).toString());
    }

    @Test
    void exposedPortsAreKeysOfEmptyObjects() {
        assertEquals("{\"80/tcp\":{},\"53/udp\":{}}", PortJson.writeExposed(List.of("80/tcp", "53/udp")).toString());
        assertEquals(List.of("80/tcp", "53/udp"), PortJson.readExposed(PortJson.writeExposed(List.of("80", "53/udp"))));
    }
}
