package io.launcher.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.launcher.api.ContainerConfig;
import io.launcher.api.ContainerId;
import io.launcher.api.ContainerStatus;
import io.launcher.api.FailedPreconditionException;
import io.launcher.api.HostConfig;
import io.launcher.api.ImageReference;
import io.launcher.api.ImportRequest;
import io.launcher.api.InvalidSpecException;
import io.launcher.api.NetworkMode;
import io.launcher.api.PortBinding;
import io.launcher.api.PortBinding.Protocol;
import io.launcher.api.ProgressListener;
import io.launcher.api.ResourceLimits;
import io.launcher.api.WaitCondition;
import io.launcher.spi.isolation.BindMount;
import io.launcher.spi.isolation.SignalTarget;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Published ports, /etc files and the startup sweep, through the engine with a pretend network driver. */
class PublishedPortsEngineTest {
    @TempDir
    Path root;
    private final FakeStorage storage = new FakeStorage();
    private final FakeIsolation isolation = new FakeIsolation();
    private final FakeNetwork network = new FakeNetwork();
    private LocalEngine engine;

    @BeforeEach
    void open() throws IOException {
        engine = reopen();
        engine.importImage(new ByteArrayInputStream(LocalEngineTest.tarball()), new ImportRequest(Optional.of(ImageReference.parse("web")),
                List.of("CMD [\"sleep\"]", "EXPOSE 80 53/udp"), "web"), ProgressListener.NONE);
    }

    private LocalEngine reopen() {
        return LocalEngine.open(new EngineSettings(root, root.resolve("plugins"), Optional.empty(), Optional.empty()),
                new Providers(List.of(isolation), List.of(storage), List.of(network)));
    }

    private static HostConfig bridge(List<PortBinding> ports, boolean all) {
        return new HostConfig(false, NetworkMode.BRIDGE, ResourceLimits.NONE, List.of(), false, List.of(), List.of(), ports, all);
    }

    private ContainerId run(HostConfig host) {
        ContainerId id = engine.create(Optional.empty(), ContainerConfig.of("web", List.of("sleep")), host);
        engine.start(id.value());
        return id;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void portsArePublishedAfterTheAttachAndShownInInspect() throws IOException {
        int port = freePort();
        ContainerId id = run(bridge(List.of(new PortBinding(Protocol.TCP, "", port, 80)), false));
        assertEquals("publish 0.0.0.0:" + port + "->80", network.calls.get(network.calls.size() - 1));
        assertTrue(network.calls.get(network.calls.size() - 2).startsWith("attach "));
        assertEquals(List.of(new PortBinding(Protocol.TCP, "0.0.0.0", port, 80)), engine.container(id.value()).network().ports());
    }

    @Test
    void publishAllPublishesTheImagesExposedPortsOnPickedPorts() {
        ContainerId id = run(bridge(List.of(), true));
        List<PortBinding> ports = engine.container(id.value()).network().ports();
        assertEquals(List.of("80/tcp", "53/udp"), ports.stream().map(PortBinding::portKey).toList());
        assertTrue(ports.stream().allMatch(p -> p.hostPort() >= PortAllocator.FIRST && p.hostPort() <= PortAllocator.LAST));
        assertEquals(List.of("80/tcp", "53/udp"), engine.container(id.value()).config().exposedPorts());
    }

    @Test
    void aPortInUseFailsTheStartAndLeavesNothingBehind() throws IOException {
        try (ServerSocket taken = new ServerSocket(0)) {
            ContainerId id = engine.create(Optional.empty(), ContainerConfig.of("web", List.of("sleep")),
                    bridge(List.of(new PortBinding(Protocol.TCP, "", taken.getLocalPort(), 80)), false));
            FailedPreconditionException e = assertThrows(FailedPreconditionException.class, () -> engine.start(id.value()));
            assertEquals("Bind for 0.0.0.0:" + taken.getLocalPort() + " failed: port is already allocated", e.getMessage());
            assertEquals(ContainerStatus.CREATED, engine.container(id.value()).state().status());
            assertTrue(network.attached.isEmpty());
        }
    }

    @Test
    void aFailedPublishDetachesAndGivesTheAddressAndPortsBack() throws IOException {
        int good = freePort();
        int refused = freePort();
        network.refuse.add(refused);
        ContainerId id = engine.create(Optional.empty(), ContainerConfig.of("web", List.of("sleep")), bridge(List.of(
                new PortBinding(Protocol.TCP, "", good, 80), new PortBinding(Protocol.TCP, "", refused, 81)), false));
        assertThrows(FailedPreconditionException.class, () -> engine.start(id.value()));
        assertTrue(network.attached.isEmpty());
        assertTrue(network.calls.get(network.calls.size() - 1).startsWith("detach 10.87.0.2"));
        ContainerId other = run(bridge(List.of(new PortBinding(Protocol.TCP, "", good, 80)), false));
        assertEquals("10.87.0.2", engine.container(other.value()).network().ipAddress());
    }

    @Test
    void aRunningContainersPortIsRefusedToAnotherEvenAfterARestart() throws IOException {
        int port = freePort();
        run(bridge(List.of(new PortBinding(Protocol.TCP, "", port, 80)), false));
        engine.close();
        engine = reopen();
        ContainerId second = engine.create(Optional.empty(), ContainerConfig.of("web", List.of("sleep")),
                bridge(List.of(new PortBinding(Protocol.TCP, "", port, 80)), false));
        assertThrows(FailedPreconditionException.class, () -> engine.start(second.value()));
    }

    @Test
    void anExitReleasesThePort() throws Exception {
        int port = freePort();
        ContainerId first = run(bridge(List.of(new PortBinding(Protocol.TCP, "", port, 80)), false));
        isolation.sandboxes.get(first).signal(9, SignalTarget.INIT);
        engine.await(first.value(), WaitCondition.NOT_RUNNING);
        assertTrue(engine.container(first.value()).network().ports().isEmpty());
        ContainerId second = run(bridge(List.of(new PortBinding(Protocol.TCP, "", port, 80)), false));
        assertEquals(port, engine.container(second.value()).network().ports().get(0).hostPort());
    }

    @Test
    void theOpeningEngineSweepsWhatDeadContainersLeft() {
        ContainerId alive = run(bridge(List.of(), false));
        engine.close();
        network.attached.put(ContainerId.random(), List.of());
        engine = reopen();
        assertEquals(Set.of(alive), network.sweeps.get(network.sweeps.size() - 1));
        assertEquals(Set.of(alive), network.attached.keySet());
    }

    @Test
    void aNonIpv4HostAddressIsRefusedAtCreate() {
        assertThrows(InvalidSpecException.class, () -> engine.create(Optional.empty(), ContainerConfig.of("web", List.of("sleep")),
                bridge(List.of(new PortBinding(Protocol.TCP, "::1", 0, 80)), false)));
    }

    @Test
    void theEtcFilesAreBoundFromTheContainersFolder() throws IOException {
        ContainerId id = engine.create(Optional.of("web1"), new ContainerConfig("web", List.of("sleep"), List.of(), List.of(), "", "",
                "box", false, false, false, Map.of()), bridge(List.of(), false));
        engine.start(id.value());
        List<BindMount> binds = isolation.sandboxes.get(id).spec.binds();
        assertEquals(List.of("/etc/hosts", "/etc/hostname", "/etc/resolv.conf"), binds.stream().map(BindMount::destination).toList());
        assertTrue(binds.stream().allMatch(b -> !b.readOnly() && b.source().startsWith(root)));
        assertTrue(Files.readString(binds.get(0).source()).contains("10.87.0.2\tbox web1\n"));
        assertEquals("box\n", Files.readString(binds.get(1).source()));
    }

    @Test
    void aUsersBindOverAnEtcFileWins() {
        HostConfig host = new HostConfig(false, NetworkMode.NONE, ResourceLimits.NONE, List.of("/tmp:/etc/hosts"), false,
                List.of(), List.of(), List.of(), false);
        ContainerId id = run(host);
        List<BindMount> binds = isolation.sandboxes.get(id).spec.binds();
        assertEquals(List.of("/etc/hostname", "/etc/resolv.conf", "/etc/hosts"), binds.stream().map(BindMount::destination).toList());
        assertFalse(binds.get(2).source().startsWith(root));
    }
}
