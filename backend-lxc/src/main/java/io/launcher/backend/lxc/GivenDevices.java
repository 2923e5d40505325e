package io.launcher.backend.lxc;

import io.launcher.backend.lxc.config.LxcEntry;
import io.launcher.spi.isolation.DeviceNode;
import io.launcher.spi.isolation.DeviceRule;
import java.util.List;

/**
 * Docker's {@code --device} in LXC's terms: each node the engine read from the host is bound from
 * there onto a file at the container path, which gives the node runc would make (same numbers,
 * mode and owner); each rule is one more {@code devices.allow} entry after Docker's defaults. In
 * /dev LXC creates that file in its autodev tmpfs ({@code create=file}, parents too); elsewhere the
 * pre-mount hook makes it in the root as it makes bind mount points (resolved inside the root,
 * before a read-only root forbids it). A bind, unlike runc's mknod, still follows the host's node:
 * a change of its owner shows in the container too.
 */
final class GivenDevices {

    private GivenDevices() {
    }

    static List<LxcEntry> bindEntries(List<DeviceNode> devices) {
        return devices.stream().<LxcEntry>map(node -> new LxcEntry.MountEntry(node.hostPath().toString(),
                SpecTranslator.relative(node.path()), "none",
                inDev(node) ? List.of("bind", "create=file") : List.of("bind"))).toList();
    }

    /** The nodes whose file LXC's autodev tmpfs holds; the hook makes the others' in the root. */
    static boolean inDev(DeviceNode node) {
        return node.path().startsWith("/dev/");
    }

    static List<LxcEntry> ruleEntries(List<DeviceRule> rules, CgroupVersion version) {
        boolean v2 = version != CgroupVersion.V1;
        return rules.stream().<LxcEntry>map(rule -> new LxcEntry.CgroupDevices(v2, true, rule.text())).toList();
    }
}
