package io.launcher.backend.lxc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.launcher.api.ContainerId;
import io.launcher.api.InvalidSpecException;
import io.launcher.api.ResourceLimits;
import io.launcher.backend.lxc.config.CgroupSetting;
import io.launcher.backend.lxc.config.Capability;
import java.util.EnumSet;
import java.util.Set;
import io.launcher.backend.lxc.config.HookType;
import io.launcher.backend.lxc.config.LxcConfig;
import io.launcher.backend.lxc.config.LxcEntry;
import io.launcher.backend.lxc.config.Namespace;
import io.launcher.backend.lxc.config.NetworkType;
import io.launcher.spi.Mount;
import io.launcher.spi.isolation.Capabilities;
import io.launcher.spi.isolation.BindMount;
import io.launcher.spi.isolation.Capabilities;
import io.launcher.spi.isolation.NetworkAttachment;
import io.launcher.spi.isolation.ProcessSpec;
import io.launcher.spi.isolation.SandboxSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The spec-to-config translation, without root: the config is compared entry by entry. */
class SpecTranslatorTest {
    @TempDir
    Path temp;

    SandboxSpec spec(NetworkAttachment network, ResourceLimits limits, List<BindMount> binds, boolean readonly) {
        ProcessSpec process = new ProcessSpec(List.of("sh", "-c", "echo hi"), List.of("PATH=/bin", "A=b=c"), "/work", 1000, 100,
                List.of(), false, false);
        return new SandboxSpec(ContainerId.random(), List.of(new Mount("bind", temp.toString(), List.of("rbind", "rw"))),
                process, "box", network, limits, binds, readonly, temp.resolve("log.json"), Capabilities.DOCKER_DEFAULT);
    }

    LxcConfig translate(SandboxSpec spec, CgroupVersion version) {
        LxcConfig config = SpecTranslator.translate(spec, new ContainerDir(temp.resolve("containers/x")), version);
        assertEquals(config, LxcConfig.parse(config.render()), "what is written reads back");
        return config;
    }

    @Test
    void privateNetworkIsEmptyWithLoopbackUp() {
        LxcConfig config = translate(spec(new NetworkAttachment.Private(), ResourceLimits.NONE, List.of(), false), CgroupVersion.V1);
        assertEquals(List.of(new LxcEntry.NetType(0, NetworkType.EMPTY)), config.all(LxcEntry.NetType.class));
        assertEquals(List.of(new LxcEntry.NetFlagsUp(0)), config.all(LxcEntry.NetFlagsUp.class));
        assertTrue(config.all(LxcEntry.NamespaceShare.class).isEmpty());
    }

    @Test
    void hostNetworkUsesTypeNone() {
        LxcConfig config = translate(spec(new NetworkAttachment.Host(), ResourceLimits.NONE, List.of(), false), CgroupVersion.V1);
        assertEquals(List.of(new LxcEntry.NetType(0, NetworkType.NONE)), config.all(LxcEntry.NetType.class));
        assertTrue(config.all(LxcEntry.NamespaceKeep.class).isEmpty());
    }

    @Test
    void joinSharesTheNamespaceByPathAndSetsNoNetwork() {
        LxcConfig config = translate(spec(new NetworkAttachment.Join(Path.of("/run/netns/c1")), ResourceLimits.NONE, List.of(), false),
                CgroupVersion.V1);
        assertEquals(List.of(new LxcEntry.NamespaceShare(Namespace.NET, "/run/netns/c1")), config.all(LxcEntry.NamespaceShare.class));
        assertTrue(config.all(LxcEntry.NetType.class).isEmpty());
    }

    @Test
    void limitsBecomeV1Files() {
        ResourceLimits limits = new ResourceLimits(64L << 20, 512, 1_500_000_000L, 100);
        LxcConfig config = translate(spec(new NetworkAttachment.Private(), limits, List.of(), false), CgroupVersion.V1);
        assertEquals(List.of(new LxcEntry.CgroupLimit(CgroupSetting.V1_MEMORY_LIMIT, 64L << 20),
                new LxcEntry.CgroupLimit(CgroupSetting.V1_CPU_SHARES, 512),
                new LxcEntry.CgroupLimit(CgroupSetting.V1_CPU_CFS_PERIOD, 100_000),
                new LxcEntry.CgroupLimit(CgroupSetting.V1_CPU_CFS_QUOTA, 150_000),
                new LxcEntry.CgroupLimit(CgroupSetting.V1_PIDS_MAX, 100)), config.all(LxcEntry.CgroupLimit.class));
    }

    @Test
    void limitsBecomeV2Files() {
        ResourceLimits limits = new ResourceLimits(64L << 20, 1024, 500_000_000L, 100);
        LxcConfig config = translate(spec(new NetworkAttachment.Private(), limits, List.of(), false), CgroupVersion.V2);
        assertEquals(List.of(new LxcEntry.CgroupLimit(CgroupSetting.V2_MEMORY_MAX, 64L << 20),
                new LxcEntry.CgroupLimit(CgroupSetting.V2_CPU_WEIGHT, 39),
                new LxcEntry.CgroupLimit(CgroupSetting.V2_PIDS_MAX, 100)), config.all(LxcEntry.CgroupLimit.class));
        assertEquals(List.of(new LxcEntry.CgroupCpuMax(50_000, 100_000)), config.all(LxcEntry.CgroupCpuMax.class));
    }

    @Test
    void noLimitsNoCgroupEntries() {
        LxcConfig config = translate(spec(new NetworkAttachment.Private(), ResourceLimits.NONE, List.of(), false), CgroupVersion.V2);
        assertTrue(config.all(LxcEntry.CgroupLimit.class).isEmpty());
        assertTrue(config.all(LxcEntry.CgroupCpuMax.class).isEmpty());
    }

    @Test
    void bindsAreRelativeRecursiveAndReadOnlyWhenAsked() throws Exception {
        Path dir = Files.createDirectories(temp.resolve("v"));
        Path file = Files.writeString(temp.resolve("f"), "x");
        LxcConfig config = translate(spec(new NetworkAttachment.Private(), ResourceLimits.NONE,
                List.of(new BindMount(dir, "/data", true), new BindMount(file, "/etc/f", false)), true), CgroupVersion.V1);
        List<LxcEntry.MountEntry> mounts = config.all(LxcEntry.MountEntry.class);
        assertEquals(new LxcEntry.MountEntry(dir.toString(), "data", "none", List.of("rbind", "ro")), mounts.get(mounts.size() - 2));
        assertEquals(new LxcEntry.MountEntry(file.toString(), "etc/f", "none", List.of("rbind")), mounts.get(mounts.size() - 1));
        assertEquals(List.of(new LxcEntry.RootfsOptions(List.of("ro"))), config.all(LxcEntry.RootfsOptions.class));
    }

    @Test
    void processBecomesInitSettingsAndEnvironment() {
        LxcConfig config = translate(spec(new NetworkAttachment.Private(), ResourceLimits.NONE, List.of(), false), CgroupVersion.V1);
        assertEquals(List.of(new LxcEntry.Environment("PATH", "/bin"), new LxcEntry.Environment("A", "b=c")),
                config.all(LxcEntry.Environment.class));
        assertEquals(List.of(new LxcEntry.InitUid(1000)), config.all(LxcEntry.InitUid.class));
        assertEquals(List.of(new LxcEntry.InitGid(100)), config.all(LxcEntry.InitGid.class));
        assertEquals(List.of(new LxcEntry.InitCwd("/work")), config.all(LxcEntry.InitCwd.class));
        assertEquals(List.of(new LxcEntry.CapKeep(Capability.dockerDefaults())), config.all(LxcEntry.CapKeep.class));
        assertEquals(List.of(HookType.PRE_MOUNT, HookType.MOUNT, HookType.START_HOST, HookType.STOP),
                config.all(LxcEntry.Hook.class).stream().map(LxcEntry.Hook::type).toList());
    }

    @Test
    void refusesWhatLxcCannotExpress() {
        SandboxSpec base = spec(new NetworkAttachment.Private(), ResourceLimits.NONE, List.of(), false);
        ProcessSpec trailing = new ProcessSpec(List.of("true"), List.of("A=x "), "/", 0, 0, List.of(), false, false);
        SandboxSpec spec = new SandboxSpec(base.id(), base.rootfs(), trailing, "box", base.network(), base.resources(),
                List.of(), false, base.logFile(), base.capabilities());
        assertThrows(InvalidSpecException.class, () -> translate(spec, CgroupVersion.V1).render());
        assertThrows(InvalidSpecException.class, () -> SpecChecks.check(new SandboxSpec(base.id(), base.rootfs(), base.process(),
                "box", base.network(), base.resources(), List.of(new BindMount(temp, "/a/../b", false)), false, base.logFile(), base.capabilities())));
    }

    @Test
    void keepsExactlyTheSpecsCapabilities() {
        SandboxSpec base = spec(new NetworkAttachment.Private(), ResourceLimits.NONE, List.of(), false);
        SandboxSpec added = new SandboxSpec(base.id(), base.rootfs(), base.process(), "box", base.network(), base.resources(),
                List.of(), false, base.logFile(), Set.of("CAP_NET_ADMIN", "CAP_KILL"));
        assertEquals(List.of(new LxcEntry.CapKeep(EnumSet.of(Capability.NET_ADMIN, Capability.KILL))),
                translate(added, CgroupVersion.V1).all(LxcEntry.CapKeep.class));
        SandboxSpec none = new SandboxSpec(base.id(), base.rootfs(), base.process(), "box", base.network(), base.resources(),
                List.of(), false, base.logFile(), Set.of());
        assertTrue(translate(none, CgroupVersion.V1).render().contains("lxc.cap.keep = none\n"));
    }

    @Test
    void cpuSharesMapOntoWeightsAsRuncDoes() {
        assertEquals(1, CgroupEntries.weight(2));
        assertEquals(39, CgroupEntries.weight(1024));
        assertEquals(10_000, CgroupEntries.weight(262_144));
    }
}
