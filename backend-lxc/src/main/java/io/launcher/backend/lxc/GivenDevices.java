package io.launcher.backend.lxc;

import io.launcher.backend.lxc.config.LxcEntry;
import io.launcher.spi.isolation.DeviceNode;
import io.launcher.spi.isolation.DeviceRule;
import java.util.List;

/**
 * Docker's {@code --device} in LXC's terms: each node the engine read from the host is bound from
 * there onto a file LXC creates at the container path (parents too), which gives the node runc
 * would make (same numbers, mode and owner); each rule is one more {@code devices.allow} entry
 * after Docker's defaults. A bind, unlike runc's mknod, still follows the host's node: a change of
 * its owner shows in the container too.
 */
final class GivenDevices {

    private GivenDevices() {
    }

    static List<LxcEntry> bindEntries(List<DeviceNode> devices) {
        return devices.stream().<LxcEntry>map(node -> new LxcEntry.MountEntry(node.hostPath().toString(),
                SpecTranslator.relative(node.path()), "none", List.of("bind", "create=file"))).toList();
    }

    static List<LxcEntry> ruleEntries(List<DeviceRule> rules, CgroupVersion version) {
        boolean v2 = version != CgroupVersion.V1;
        return rules.stream().<LxcEntry>map(rule -> new LxcEntry.CgroupDevices(v2, true, rule.text())).toList();
    }
}
