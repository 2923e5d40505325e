package io.launcher.backend.lxc;

import io.launcher.spi.isolation.DeviceNode;
import java.util.List;

/**
 * Docker's {@code --device} in LXC's terms: each node the engine read from the host is made again
 * with mknod, as runc makes it (same numbers, mode and owner), by the hook script; each rule is one
 * more {@code devices.allow} entry after Docker's defaults ({@link CgroupEntries#devices}). Not a
 * bind of the host's node, which LXC's mount entries would offer: that is a mount the container
 * cannot remove (EBUSY) and that follows later changes of the host's node. A node in /dev is made
 * at autodev, in LXC's fresh /dev tmpfs and before LXC fills in its own nodes (which then leaves a
 * given /dev/zero alone); any other at pre-mount, its folder resolved inside the root, before a
 * read-only root forbids it, replacing what is at its path, as backend-native does.
 */
final class GivenDevices {

    private GivenDevices() {
    }

    /** The hook's {@code device_node} calls for the nodes in /dev ({@code inDev}) or for the others. */
    static List<String> nodeLines(List<DeviceNode> devices, boolean inDev, String root) {
        return devices.stream().filter(node -> inDev(node) == inDev)
                .map(node -> "    device_node " + root + " " + ShellWord.quote(node.path()) + " " + node.type() + " "
                        + node.major() + " " + node.minor() + " " + String.format("%04o", node.mode()) + " "
                        + node.uid() + ":" + node.gid())
                .toList();
    }

    /** The nodes made in LXC's autodev tmpfs; the others go into the root. */
    static boolean inDev(DeviceNode node) {
        return node.path().startsWith("/dev/");
    }
}
