package io.launcher.backend.lxc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.launcher.api.ContainerId;
import io.launcher.api.InvalidSpecException;
import io.launcher.api.LogConfig;
import io.launcher.api.ResourceLimits;
import io.launcher.backend.lxc.config.HookType;
import io.launcher.backend.lxc.config.LxcConfig;
import io.launcher.backend.lxc.config.LxcEntry;
import io.launcher.spi.Mount;
import io.launcher.spi.isolation.Capabilities;
import io.launcher.spi.isolation.DeviceNode;
import io.launcher.spi.isolation.DeviceRule;
import io.launcher.spi.isolation.NetworkAttachment;
import io.launcher.spi.isolation.ProcessSpec;
import io.launcher.spi.isolation.SandboxSpec;
import io.launcher.spi.isolation.SeccompProfile;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --device} in the generated configuration and hook: a mknod per node, an allow entry per rule; no root needed. */
class DeviceTranslationTest {
    @TempDir
    Path temp;

    @Test
    void givenNodesAreMadeByTheHookAndRulesFollowDockersDefaults() {
        DeviceNode node = new DeviceNode("/dev/snd/pcm 0", 'c', 116, 2, 0660, 0, 29, Path.of("/dev/snd/pcmC0D0p"));
        DeviceNode outside = new DeviceNode("/opt/null", 'c', 1, 3, 0666, 0, 0, Path.of("/dev/null"));
        ProcessSpec process = new ProcessSpec(List.of("sh"), List.of("PATH=/bin"), "/", 0, 0, List.of(), false, false);
        SandboxSpec spec = new SandboxSpec(ContainerId.random(), List.of(new Mount("bind", temp.toString(), List.of("rbind"))),
                process, "box", new NetworkAttachment.Private(), ResourceLimits.NONE, List.of(), false,
                temp.resolve("log.json"), Capabilities.DOCKER_DEFAULT, SeccompProfile.DEFAULT, LogConfig.DEFAULT, null, false,
                true, List.of(node, outside), List.of(node.rule("rw"), new DeviceRule('b', 8, DeviceRule.ANY, "r")));
        LxcConfig config = SpecTranslator.translate(spec, new ContainerDir(temp.resolve("containers/x")), CgroupVersion.V1);
        assertEquals(config, LxcConfig.parse(config.render()), "what is written reads back");
        assertEquals(List.of(), config.all(LxcEntry.MountEntry.class).stream()
                .filter(m -> m.source().startsWith("/dev/snd") || m.target().equals("opt/null")).toList(),
                "no node is bound from the host");
        String script = HookScript.render(spec, new ContainerDir(temp.resolve("containers/x")));
        assertTrue(script.contains("    device_node \"$LXC_ROOTFS_MOUNT\" '/dev/snd/pcm 0' c 116 2 0660 0:29\n"), script);
        assertTrue(HookScript.mountpoints(spec).contains("    device_node \"$rootfs\" '/opt/null' c 1 3 0666 0:0"),
                "outside /dev the node is made at pre-mount, in the root: " + HookScript.mountpoints(spec));
        assertTrue(config.all(LxcEntry.Hook.class).stream().anyMatch(h -> h.type() == HookType.AUTODEV),
                "the autodev hook makes the nodes in /dev");
        SandboxSpec climbing = new SandboxSpec(spec.id(), spec.rootfs(), process, "box", spec.network(), spec.resources(),
                List.of(), false, spec.logFile(), spec.capabilities(), SeccompProfile.DEFAULT, LogConfig.DEFAULT, null, false,
                true, List.of(new DeviceNode("/dev/../etc/x", 'c', 1, 3, 0666, 0, 0, Path.of("/dev/null"))), List.of());
        assertThrows(InvalidSpecException.class, () -> SpecChecks.check(climbing));
        List<LxcEntry.CgroupDevices> rules = config.all(LxcEntry.CgroupDevices.class);
        assertEquals(new LxcEntry.CgroupDevices(false, false, "a"), rules.get(0), "Docker's defaults come first");
        assertEquals(List.of(new LxcEntry.CgroupDevices(false, true, "c 116:2 rw"), new LxcEntry.CgroupDevices(false, true, "b 8:* r")),
                rules.subList(rules.size() - 2, rules.size()));
    }

    /** The exact lines LXC gets, v1 and v2, as before Docker's rules moved into spi (DefaultDeviceRules). */
    @Test
    void theDevicesCgroupLinesAreDockersRulesThenTheGivenOnes() {
        List<String> docker = List.of("c *:* m", "b *:* m", "c 1:3 rwm", "c 1:5 rwm", "c 1:7 rwm", "c 1:8 rwm", "c 1:9 rwm",
                "c 5:0 rwm", "c 5:1 rwm", "c 5:2 rwm", "c 136:* rwm", "c 10:200 rwm");
        for (CgroupVersion version : CgroupVersion.values()) {
            String prefix = version == CgroupVersion.V1 ? "lxc.cgroup.devices." : "lxc.cgroup2.devices.";
            List<String> expected = new java.util.ArrayList<>(List.of(prefix + "deny = a"));
            docker.forEach(rule -> expected.add(prefix + "allow = " + rule));
            expected.add(prefix + "allow = b 8:* r");
            assertEquals(expected, deviceLines(false, version));
            assertEquals(List.of(prefix + "allow = a", prefix + "allow = b 8:* r"), deviceLines(true, version),
                    "privileged: every device (the engine gives such a container no rule of its own)");
        }
    }

    private List<String> deviceLines(boolean privileged, CgroupVersion version) {
        ProcessSpec process = new ProcessSpec(List.of("sh"), List.of("PATH=/bin"), "/", 0, 0, List.of(), false, false);
        SandboxSpec spec = new SandboxSpec(ContainerId.random(), List.of(new Mount("bind", temp.toString(), List.of("rbind"))),
                process, "box", new NetworkAttachment.Private(), ResourceLimits.NONE, List.of(), false,
                temp.resolve("log.json"), Capabilities.DOCKER_DEFAULT, SeccompProfile.DEFAULT, LogConfig.DEFAULT, null,
                privileged, true, List.of(), List.of(new DeviceRule('b', 8, DeviceRule.ANY, "r")));
        LxcConfig config = SpecTranslator.translate(spec, new ContainerDir(temp.resolve("containers/x")), version);
        return config.render().lines().filter(line -> line.contains(".devices.")).toList();
    }
}
