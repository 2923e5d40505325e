package io.launcher.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.launcher.api.ContainerConfig;
import io.launcher.api.ContainerDetails;
import io.launcher.api.ContainerId;
import io.launcher.api.ContainerState;
import io.launcher.api.ContainerStatus;
import io.launcher.api.HostConfig;
import io.launcher.api.ImageId;
import io.launcher.api.NetworkSettings;
import io.launcher.api.PortBinding;
import io.launcher.api.PortBinding.Protocol;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

/** {@code -p}, {@code -P}, {@code --expose}, the {@code port} command and the PORTS column. */
class PublishParsingTest {
    private final CliHarness cli = new CliHarness();

    private static List<PortBinding> bindings(String spec) {
        return PublishSpec.parse(spec).bindings();
    }

    @Test
    void dockersPublishForms() {
        assertEquals(List.of(new PortBinding(Protocol.TCP, "", 8080, 80)), bindings("8080:80"));
        assertEquals(List.of(new PortBinding(Protocol.TCP, "", 0, 80)), bindings("80"));
        assertEquals(List.of(new PortBinding(Protocol.UDP, "", 5353, 53)), bindings("5353:53/udp"));
        assertEquals(List.of(new PortBinding(Protocol.TCP, "127.0.0.1", 8080, 80)), bindings("127.0.0.1:8080:80"));
        assertEquals(List.of(new PortBinding(Protocol.TCP, "127.0.0.1", 0, 80)), bindings("127.0.0.1::80"));
        assertEquals(List.of(new PortBinding(Protocol.TCP, "", 8000, 80), new PortBinding(Protocol.TCP, "", 8001, 81)),
                bindings("8000-8001:80-81"));
    }

    @Test
    void badSpecsAreRefused() {
        assertThrows(TypeConversionException.class, () -> PublishSpec.parse("8000-8002:80-81"));
        assertThrows(TypeConversionException.class, () -> PublishSpec.parse("80/sctp"));
        assertThrows(TypeConversionException.class, () -> PublishSpec.parse("0:80"));
        assertThrows(TypeConversionException.class, () -> PublishSpec.parse("a:80"));
    }

    @Test
    void publishAllAndExposeReachTheEngine() {
        assertEquals(0, cli.run("create", "-P", "--expose", "53/udp", "--expose", "7000-7001", "-p", "127.0.0.1:8080:80", "base"));
        assertTrue(cli.engine.lastHostConfig.publishAllPorts());
        assertEquals(List.of("53/udp", "7000/tcp", "7001/tcp", "80/tcp"), cli.engine.lastConfig.exposedPorts());
        assertEquals("", cli.err);
    }

    private void running(List<PortBinding> ports) {
        ContainerId id = new ContainerId("a1".repeat(32));
        ContainerConfig config = new ContainerConfig("base", List.of("httpd"), List.of(), List.of(), "", "", "", false, false, false,
                Map.of(), List.of("80/tcp", "443/tcp"));
        ContainerState state = new ContainerState(ContainerStatus.RUNNING, 42, 0, false, "", FakeEngine.NOW, ContainerState.NEVER);
        cli.engine.containers.put(id.value(), new ContainerDetails(id, "/web", FakeEngine.NOW, ImageId.parse("sha256:" + "ab".repeat(32)),
                config, HostConfig.DEFAULT, state, "", new NetworkSettings("bridge", "10.87.0.2", 16, "10.87.0.1", "02:42:0a:57:00:02", ports)));
    }

    @Test
    void portListsEveryMapping() {
        running(List.of(new PortBinding(Protocol.TCP, "0.0.0.0", 8080, 80), new PortBinding(Protocol.UDP, "127.0.0.1", 5353, 53)));
        assertEquals(0, cli.run("port", "web"));
        assertEquals("80/tcp -> 0.0.0.0:8080\n53/udp -> 127.0.0.1:5353\n", cli.out);
    }

    @Test
    void portWithAPrivatePortPrintsTheHostSide() {
        running(List.of(new PortBinding(Protocol.TCP, "0.0.0.0", 8080, 80)));
        assertEquals(0, cli.run("port", "web", "80"));
        assertEquals("0.0.0.0:8080\n", cli.out);
    }

    @Test
    void portOfAnUnpublishedPortFails() {
        running(List.of());
        assertEquals(1, cli.run("port", "web", "443/tcp"));
        assertEquals("Error: No public port '443/tcp' published for web\n", cli.err);
    }

    @Test
    void psShowsPublishedThenExposedPorts() {
        running(List.of(new PortBinding(Protocol.TCP, "0.0.0.0", 8080, 80)));
        assertEquals(0, cli.run("ps", "--format", "{{.Ports}}"));
        assertEquals("0.0.0.0:8080->80/tcp, 443/tcp\n", cli.out);
        assertFalse(cli.out.contains("53"));
    }
}
