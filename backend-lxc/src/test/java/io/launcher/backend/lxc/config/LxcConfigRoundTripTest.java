package io.launcher.backend.lxc.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.launcher.api.InvalidSpecException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class LxcConfigRoundTripTest {

    /** At least one sample of every key, with the line LXC's documentation spells for it. */
    static Stream<Object[]> samples() {
        return Stream.of(
                sample(new LxcEntry.UtsName("box"), "lxc.uts.name = box"),
                sample(new LxcEntry.RootfsPath(Path.of("/var/lib/launcher/c/rootfs")), "lxc.rootfs.path = /var/lib/launcher/c/rootfs"),
                sample(new LxcEntry.RootfsOptions(List.of("ro")), "lxc.rootfs.options = ro"),
                sample(new LxcEntry.MountAuto(EnumSet.of(AutoMount.CGROUP_MIXED, AutoMount.PROC_MIXED, AutoMount.SYS_RO)),
                        "lxc.mount.auto = proc:mixed sys:ro cgroup:mixed"),
                sample(new LxcEntry.MountEntry("/srv/my data", "data/a\\b", "none", List.of("rbind", "create=dir", "ro")),
                        "lxc.mount.entry = /srv/my\\040data data/a\\134b none rbind,create=dir,ro 0 0"),
                sample(new LxcEntry.NetType(0, NetworkType.EMPTY), "lxc.net.0.type = empty"),
                sample(new LxcEntry.NetType(0, NetworkType.NONE), "lxc.net.0.type = none"),
                sample(new LxcEntry.NetType(1, NetworkType.VETH), "lxc.net.1.type = veth"),
                sample(new LxcEntry.NetFlagsUp(0), "lxc.net.0.flags = up"),
                sample(new LxcEntry.NamespaceShare(Namespace.NET, "/run/netns/c1"), "lxc.namespace.share.net = /run/netns/c1"),
                sample(new LxcEntry.NamespaceKeep(EnumSet.of(Namespace.USER, Namespace.NET)), "lxc.namespace.keep = net user"),
                sample(new LxcEntry.CgroupLimit(CgroupSetting.V1_MEMORY_LIMIT, 67108864), "lxc.cgroup.memory.limit_in_bytes = 67108864"),
                sample(new LxcEntry.CgroupLimit(CgroupSetting.V1_CPU_SHARES, 512), "lxc.cgroup.cpu.shares = 512"),
                sample(new LxcEntry.CgroupLimit(CgroupSetting.V1_CPU_CFS_PERIOD, 100000), "lxc.cgroup.cpu.cfs_period_us = 100000"),
                sample(new LxcEntry.CgroupLimit(CgroupSetting.V1_CPU_CFS_QUOTA, 50000), "lxc.cgroup.cpu.cfs_quota_us = 50000"),
                sample(new LxcEntry.CgroupLimit(CgroupSetting.V1_PIDS_MAX, 100), "lxc.cgroup.pids.max = 100"),
                sample(new LxcEntry.CgroupLimit(CgroupSetting.V2_MEMORY_MAX, 67108864), "lxc.cgroup2.memory.max = 67108864"),
                sample(new LxcEntry.CgroupLimit(CgroupSetting.V2_CPU_WEIGHT, 20), "lxc.cgroup2.cpu.weight = 20"),
                sample(new LxcEntry.CgroupLimit(CgroupSetting.V2_PIDS_MAX, 100), "lxc.cgroup2.pids.max = 100"),
                sample(new LxcEntry.CgroupCpuMax(50000, 100000), "lxc.cgroup2.cpu.max = 50000 100000"),
                sample(new LxcEntry.CgroupDevices(false, false, "a"), "lxc.cgroup.devices.deny = a"),
                sample(new LxcEntry.CgroupDevices(false, true, "c 136:* rwm"), "lxc.cgroup.devices.allow = c 136:* rwm"),
                sample(new LxcEntry.CgroupDevices(true, true, "c 1:3 rwm"), "lxc.cgroup2.devices.allow = c 1:3 rwm"),
                sample(new LxcEntry.CapKeep(Capability.dockerDefaults()),
                        "lxc.cap.keep = chown dac_override fowner fsetid kill setgid setuid setpcap net_bind_service"
                                + " net_raw sys_chroot mknod audit_write setfcap"),
                sample(new LxcEntry.CapKeep(Set.of()), "lxc.cap.keep = none"),
                sample(new LxcEntry.CapDrop(EnumSet.of(Capability.SYS_ADMIN, Capability.SYS_MODULE)), "lxc.cap.drop = sys_module sys_admin"),
                sample(new LxcEntry.Autodev(true), "lxc.autodev = 1"),
                sample(new LxcEntry.NoNewPrivs(true), "lxc.no_new_privs = 1"),
                sample(new LxcEntry.Autodev(false), "lxc.autodev = 0"),
                sample(new LxcEntry.PtyMax(1024), "lxc.pty.max = 1024"),
                sample(new LxcEntry.ConsolePath(Optional.empty()), "lxc.console.path = none"),
                sample(new LxcEntry.ConsolePath(Optional.of(Path.of("/dev/console"))), "lxc.console.path = /dev/console"),
                sample(new LxcEntry.Environment("GREETING", "a=b # not a comment"), "lxc.environment = GREETING=a=b # not a comment"),
                sample(new LxcEntry.Environment("EMPTY", ""), "lxc.environment = EMPTY="),
                sample(new LxcEntry.InitUid(1000), "lxc.init.uid = 1000"),
                sample(new LxcEntry.InitGid(100), "lxc.init.gid = 100"),
                sample(new LxcEntry.InitCwd("/home/user"), "lxc.init.cwd = /home/user"),
                sample(new LxcEntry.InitGroups(List.of(65534, 10)), "lxc.init.groups = 65534,10"),
                sample(new LxcEntry.ExecuteCmd(List.of("/bin/sh", "-c", "echo 'hi' there", "")),
                        "lxc.execute.cmd = /bin/sh -c \"echo 'hi' there\" ''"),
                sample(new LxcEntry.LogFile(Path.of("/var/lib/launcher/c/lxc.log")), "lxc.log.file = /var/lib/launcher/c/lxc.log"),
                sample(new LxcEntry.SeccompProfile(Path.of("/var/lib/launcher/c/seccomp")), "lxc.seccomp.profile = /var/lib/launcher/c/seccomp"),
                sample(new LxcEntry.LogLevel(LogPriority.INFO), "lxc.log.level = INFO"),
                sample(new LxcEntry.ApparmorProfile("unconfined"), "lxc.apparmor.profile = unconfined"),
                sample(new LxcEntry.Hook(HookType.PRE_MOUNT, "/var/lib/launcher/c/hook"), "lxc.hook.pre-mount = /var/lib/launcher/c/hook"),
                sample(new LxcEntry.Hook(HookType.START_HOST, "'/a b/hook'"), "lxc.hook.start-host = '/a b/hook'"));
    }

    private static Object[] sample(LxcEntry entry, String line) {
        return new Object[] {entry.key(), entry, line};
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void rendersTheDocumentedLineAndReadsItBack(String key, LxcEntry entry, String line) {
        String text = new LxcConfig(List.of(entry)).render();
        assertEquals(line, text.lines().filter(l -> !l.startsWith("#")).findFirst().orElseThrow());
        assertEquals(new LxcConfig(List.of(entry)), LxcConfig.parse(text));
    }

    @Test
    void everyKindOfEntryHasASample() {
        Set<Class<?>> sampled = samples().map(s -> s[1].getClass()).collect(Collectors.toSet());
        Set<Class<?>> kinds = Set.of(LxcEntry.class.getPermittedSubclasses());
        assertEquals(kinds, sampled);
    }

    @Test
    void aWholeConfigReadsBackInOrder() {
        LxcConfig config = new LxcConfig(samples().map(s -> (LxcEntry) s[1]).toList());
        assertEquals(config, LxcConfig.parse(config.render()));
    }

    @Test
    void readsLinesAsLxcDoes() {
        LxcConfig config = LxcConfig.parse("# comment\n\n  lxc.uts.name=box  \nlxc.environment =   A= x\n");
        assertEquals(List.of(new LxcEntry.UtsName("box"), new LxcEntry.Environment("A", " x")), config.entries());
    }

    @Test
    void refusesValuesLxcWouldChange() {
        assertThrows(InvalidSpecException.class, () -> new LxcConfig(List.of(new LxcEntry.Environment("A", "x "))).render());
        assertThrows(InvalidSpecException.class, () -> new LxcConfig(List.of(new LxcEntry.Environment("A", "x\ny"))).render());
    }

    @Test
    void refusesUnknownKeys() {
        assertThrows(InvalidSpecException.class, () -> LxcConfig.parse("lxc.idmap = u 0 100000 65536\n"));
        assertThrows(InvalidSpecException.class, () -> LxcConfig.parse("lxc.net.0.type = phys\n"));
    }
}
