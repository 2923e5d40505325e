package io.launcher.backend.lxc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.launcher.api.ContainerId;
import io.launcher.api.LogConfig;
import io.launcher.api.ResourceLimits;
import io.launcher.backend.lxc.config.AutoMount;
import io.launcher.backend.lxc.config.Capability;
import io.launcher.backend.lxc.config.HookType;
import io.launcher.backend.lxc.config.LxcConfig;
import io.launcher.backend.lxc.config.LxcEntry;
import io.launcher.spi.Mount;
import io.launcher.spi.isolation.Capabilities;
import io.launcher.spi.isolation.NetworkAttachment;
import io.launcher.spi.isolation.ProcessSpec;
import io.launcher.spi.isolation.SandboxSpec;
import io.launcher.spi.isolation.SeccompProfile;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --privileged} in the generated LXC configuration, hook and lxc-attach command; no root needed. */
class PrivilegedTranslationTest {
    @TempDir
    Path temp;

    private SandboxSpec spec(boolean privileged) {
        ProcessSpec process = new ProcessSpec(List.of("sh"), List.of("PATH=/bin"), "/", 0, 0, List.of(), false, false);
        SandboxSpec plain = new SandboxSpec(ContainerId.random(), List.of(new Mount("bind", temp.toString(), List.of("rbind"))),
                process, "box", new NetworkAttachment.Private(), ResourceLimits.NONE, List.of(), false,
                temp.resolve("log.json"), Capabilities.DOCKER_DEFAULT);
        return !privileged ? plain : new SandboxSpec(plain.id(), plain.rootfs(), process, "box", plain.network(),
                plain.resources(), List.of(), false, plain.logFile(), Set.copyOf(Capabilities.ALL),
                SeccompProfile.UNCONFINED, LogConfig.DEFAULT, null, true, false);
    }

    private LxcConfig translate(SandboxSpec spec) {
        LxcConfig config = SpecTranslator.translate(spec, new ContainerDir(temp.resolve("containers/x")), CgroupVersion.V1);
        assertEquals(config, LxcConfig.parse(config.render()), "what is written reads back");
        return config;
    }

    @Test
    void privilegedMountsProcSysAndCgroupReadWriteAndMasksNothing() {
        LxcConfig config = translate(spec(true));
        assertEquals(List.of(new LxcEntry.MountAuto(EnumSet.of(AutoMount.PROC_RW, AutoMount.SYS_RW, AutoMount.CGROUP_RW_FORCE))),
                config.all(LxcEntry.MountAuto.class));
        assertTrue(config.all(LxcEntry.MountEntry.class).stream().noneMatch(m -> m.target().startsWith("proc/")),
                config.render());
        assertEquals(List.of(new LxcEntry.NoNewPrivs(false)), config.all(LxcEntry.NoNewPrivs.class));
        assertEquals(List.of(), config.all(LxcEntry.SeccompProfile.class));
        assertEquals(List.of(new LxcEntry.CapKeep(EnumSet.allOf(Capability.class))), config.all(LxcEntry.CapKeep.class));
        assertEquals(List.of(new LxcEntry.CgroupDevices(false, true, "a")), config.all(LxcEntry.CgroupDevices.class));
    }

    @Test
    void unprivilegedKeepsDockersConfinement() {
        LxcConfig config = translate(spec(false));
        assertEquals(List.of(new LxcEntry.MountAuto(EnumSet.of(AutoMount.PROC_MIXED, AutoMount.SYS_RO, AutoMount.CGROUP_RO_FORCE))),
                config.all(LxcEntry.MountAuto.class));
        assertTrue(config.all(LxcEntry.MountEntry.class).stream().anyMatch(m -> m.target().equals("proc/kcore")));
        assertTrue(config.all(LxcEntry.MountEntry.class).stream().noneMatch(m -> m.source().startsWith("/dev/")
                && !m.source().equals("/dev/null")), config.render());
        assertEquals(List.of(new LxcEntry.NoNewPrivs(true)), config.all(LxcEntry.NoNewPrivs.class));
        List<LxcEntry.CgroupDevices> devices = config.all(LxcEntry.CgroupDevices.class);
        assertEquals(new LxcEntry.CgroupDevices(false, false, "a"), devices.get(0), "Docker's rules: deny all first");
        assertTrue(devices.containsAll(List.of(new LxcEntry.CgroupDevices(false, true, "c 1:3 rwm"),
                new LxcEntry.CgroupDevices(false, true, "c 136:* rwm"), new LxcEntry.CgroupDevices(false, true, "c *:* m"))));
        assertEquals("lxc.cgroup2.devices.deny", new LxcEntry.CgroupDevices(true, false, "a").key());
    }

    @Test
    void privilegedMakesTheHostsNodesInTheAutodevHookRatherThanBindingThem() {
        LxcConfig config = translate(spec(true));
        assertTrue(config.all(LxcEntry.MountEntry.class).stream().noneMatch(m -> m.source().startsWith("/dev/")),
                config.render());
        assertTrue(config.all(LxcEntry.Hook.class).stream().anyMatch(h -> h.type() == HookType.AUTODEV), config.render());
        String hook = HookScript.render(spec(true), new ContainerDir(temp.resolve("containers/x")));
        assertTrue(hook.contains("autodev() {\n    :\n    host_devices \"$LXC_ROOTFS_MOUNT/dev\"\n}"), hook);
        assertFalse(HookScript.render(spec(false), new ContainerDir(temp.resolve("containers/x"))).contains("host_devices"));
        assertTrue(translate(spec(false)).all(LxcEntry.Hook.class).stream().noneMatch(h -> h.type() == HookType.AUTODEV),
                "an unprivileged container without devices runs no autodev hook");
    }

    @Test
    void aPrivilegedHookLeavesTheKernelPathsWritable() {
        ContainerDir dir = new ContainerDir(temp.resolve("containers/x"));
        assertTrue(HookScript.render(spec(false), dir).contains("mount) read_only_paths; check_command ;;"));
        assertTrue(HookScript.render(spec(true), dir).contains("mount) check_command ;;"));
    }

    @Test
    void aPrivilegedExecKeepsLxcAttachsCapabilities() {
        ContainerDir dir = new ContainerDir(temp.resolve("containers/x"));
        ProcessSpec plain = new ProcessSpec(List.of("id"), List.of(), "/", 0, 0, List.of(), false, false);
        ProcessSpec privileged = new ProcessSpec(List.of("id"), List.of(), "/", 0, 0, List.of(), false, false, true);
        assertFalse(LxcExec.command(dir, GeneratedScriptsTest.TOOLS, plain).contains("--elevated-privileges=CAP"));
        List<String> command = LxcExec.command(dir, GeneratedScriptsTest.TOOLS, privileged);
        assertTrue(command.indexOf("--elevated-privileges=CAP") < command.indexOf("--"), command.toString());
    }
}
