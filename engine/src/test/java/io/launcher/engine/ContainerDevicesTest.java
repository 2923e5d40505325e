package io.launcher.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.launcher.api.ContainerConfig;
import io.launcher.api.ContainerId;
import io.launcher.api.DeviceMapping;
import io.launcher.api.HostConfig;
import io.launcher.api.InvalidSpecException;
import io.launcher.api.LogConfig;
import io.launcher.api.NetworkMode;
import io.launcher.api.ResourceLimits;
import io.launcher.spi.isolation.DeviceNode;
import io.launcher.spi.isolation.DeviceRule;
import io.launcher.spi.isolation.NetworkAttachment;
import io.launcher.spi.isolation.SandboxSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --device} and {@code --device-cgroup-rule} as the engine reads them from the host, as moby does. */
class ContainerDevicesTest {
    @TempDir
    Path temp;

    private static HostConfig host(boolean privileged, List<DeviceMapping> devices, List<String> rules) {
        return new HostConfig(false, NetworkMode.BRIDGE, ResourceLimits.NONE, List.of(), false, List.of(), List.of(),
                List.of(), false, List.of(), LogConfig.DEFAULT, privileged, devices, rules);
    }

    private static ContainerDevices.Resolved resolve(DeviceMapping... devices) {
        return ContainerDevices.resolve(host(false, List.of(devices), List.of()));
    }

    @Test
    void aCharacterDeviceIsReadWithItsNumbersModeAndOwnerAndGetsItsRule() {
        ContainerDevices.Resolved resolved = resolve(new DeviceMapping("/dev/null", "/dev/mynull", "r"));
        assertEquals(List.of(new DeviceNode("/dev/mynull", 'c', 1, 3, 0666, 0, 0, Path.of("/dev/null"))), resolved.nodes());
        assertEquals(List.of(new DeviceRule('c', 1, 3, "r")), resolved.rules());
    }

    @Test
    void aSymlinkIsFollowedToItsNode() throws Exception {
        Path link = Files.createSymbolicLink(temp.resolve("zero"), Path.of("/dev/zero"));
        DeviceNode node = resolve(new DeviceMapping(link.toString(), "/dev/z", "rwm")).nodes().get(0);
        assertEquals(List.of(1L, 5L), List.of(node.major(), node.minor()));
    }

    /** moby's DevicesFromPath: every node below a folder, at the same place below the container path. */
    @Test
    void aFolderGivesEveryNodeBelowIt() throws Exception {
        assumeTrue(ProcessHandle.current().info().user().orElse("").equals("root"), "mknod needs root");
        Path folder = Files.createDirectories(temp.resolve("snd/sub"));
        mknod(temp.resolve("snd/a"), "1", "3");
        mknod(folder.resolve("b"), "1", "5");
        Files.writeString(temp.resolve("snd/plain"), "not a device");
        ContainerDevices.Resolved resolved = resolve(new DeviceMapping(temp.resolve("snd").toString(), "/dev/snd", "rw"));
        assertEquals(List.of("/dev/snd/a", "/dev/snd/sub/b"), resolved.nodes().stream().map(DeviceNode::path).toList());
        assertEquals(List.of(new DeviceRule('c', 1, 3, "rw"), new DeviceRule('c', 1, 5, "rw")), resolved.rules());
    }

    @Test
    void aMissingPathIsRefusedWithDockersMessage() {
        InvalidSpecException e = assertThrows(InvalidSpecException.class,
                () -> resolve(new DeviceMapping("/dev/launcher-no-such", "/dev/x", "rwm")));
        assertEquals("error gathering device information while adding custom device \"/dev/launcher-no-such\": "
                + "no such file or directory", e.getMessage());
    }

    @Test
    void aFileOrAFolderWithoutNodesIsNotADevice() throws Exception {
        Path file = Files.writeString(temp.resolve("plain"), "x");
        assertEquals("error gathering device information while adding custom device \"" + file + "\": not a device node",
                assertThrows(InvalidSpecException.class, () -> resolve(new DeviceMapping(file.toString(), "", ""))).getMessage());
        assertThrows(InvalidSpecException.class, () -> resolve(new DeviceMapping(temp.toString(), "/dev/x", "rwm")));
    }

    @Test
    void aRelativeContainerPathIsRefused() {
        assertEquals("dev/x is not an absolute path", assertThrows(InvalidSpecException.class,
                () -> resolve(new DeviceMapping("/dev/null", "dev/x", "rwm"))).getMessage());
    }

    @Test
    void cgroupRulesAreCheckedAsMobyChecksThem() {
        assertEquals(new DeviceRule('c', 1, 3, "rwm"), ContainerDevices.cgroupRule("c 1:3 rwm"));
        assertEquals(new DeviceRule('a', DeviceRule.ANY, DeviceRule.ANY, "rw"), ContainerDevices.cgroupRule("a *:* wrw"));
        assertEquals("invalid device cgroup rule format: 'c 1:3'",
                assertThrows(InvalidSpecException.class, () -> ContainerDevices.cgroupRule("c 1:3")).getMessage());
        assertThrows(InvalidSpecException.class, () -> ContainerDevices.cgroupRule("x 1:3 r"));
        assertThrows(InvalidSpecException.class, () -> ContainerDevices.cgroupRule("c 99999999999999999999:3 r"));
    }

    /** moby: a privileged container has every node and device already; only a moved node is added, with no rule. */
    @Test
    void aPrivilegedContainerGetsOnlyMovedNodesAndNoRule() {
        ContainerDevices.Resolved resolved = ContainerDevices.resolve(host(true, List.of(
                new DeviceMapping("/dev/null", "/dev/null", "rwm"), new DeviceMapping("/dev/zero", "/dev/z", "r")),
                List.of("c 10:229 rwm")));
        assertEquals(List.of("/dev/z"), resolved.nodes().stream().map(DeviceNode::path).toList());
        assertEquals(List.of(), resolved.rules());
    }

    @Test
    void theSandboxSpecCarriesNodesAndRules() {
        ContainerConfig config = new ContainerConfig("base", List.of("sh"), List.of(), List.of(), "", "", "", false, false,
                false, Map.of());
        SandboxSpec spec = SandboxSpecs.build(ContainerId.random(), config,
                host(false, List.of(new DeviceMapping("/dev/full", "/dev/f", "rw")), List.of("b 8:* r")), List.of(),
                new NetworkAttachment.Private(), Path.of("/l"), new ContainerUsers.ExecUser(0, 0, List.of(), Optional.empty()));
        assertEquals(List.of("/dev/f"), spec.devices().stream().map(DeviceNode::path).toList());
        assertEquals(List.of(new DeviceRule('c', 1, 7, "rw"), new DeviceRule('b', 8, DeviceRule.ANY, "r")), spec.deviceRules());
    }

    private static void mknod(Path path, String major, String minor) throws Exception {
        assertEquals(0, new ProcessBuilder("mknod", path.toString(), "c", major, minor).inheritIO().start().waitFor());
    }
}
