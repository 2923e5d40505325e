package io.launcher.backend.lxc;

import io.launcher.api.InvalidSpecException;
import io.launcher.backend.lxc.config.AutoMount;
import io.launcher.backend.lxc.config.Capability;
import io.launcher.backend.lxc.config.HookType;
import io.launcher.backend.lxc.config.LogPriority;
import io.launcher.backend.lxc.config.LxcConfig;
import io.launcher.backend.lxc.config.LxcEntry;
import io.launcher.backend.lxc.config.Namespace;
import io.launcher.backend.lxc.config.NetworkType;
import io.launcher.spi.isolation.BindMount;
import io.launcher.spi.isolation.NetworkAttachment;
import io.launcher.spi.isolation.SandboxSpec;
import io.launcher.spi.isolation.SeccompProfile;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The engine's sandbox spec as an LXC configuration; the rootfs layers are the hook's job. */
final class SpecTranslator {
    static final int PTY_MAX = 1024;

    private SpecTranslator() {
    }

    static LxcConfig translate(SandboxSpec spec, ContainerDir dir, CgroupVersion cgroups) {
        List<LxcEntry> entries = new ArrayList<>();
        entries.add(new LxcEntry.UtsName(spec.hostname()));
        entries.add(new LxcEntry.RootfsPath(dir.rootfs()));
        if (spec.readonlyRootfs()) {
            entries.add(new LxcEntry.RootfsOptions(List.of("ro")));
        }
        entries.add(new LxcEntry.MountAuto(spec.privileged()
                ? EnumSet.of(AutoMount.PROC_RW, AutoMount.SYS_RW, AutoMount.CGROUP_RW_FORCE)
                : EnumSet.of(AutoMount.PROC_MIXED, AutoMount.SYS_RO, AutoMount.CGROUP_RO_FORCE)));
        entries.add(new LxcEntry.Autodev(true));
        entries.add(new LxcEntry.PtyMax(PTY_MAX));
        if (!spec.process().terminal()) {
            // No console: lxc-init and the process keep lxc-execute's stdio, the supervisor's pipes.
            // With a terminal LXC allocates the console in the container's devpts (/dev/pts/0).
            entries.add(new LxcEntry.ConsolePath(Optional.empty()));
        }
        // Docker's /dev/shm: LXC's autodev /dev is a tmpfs, so the mountpoint costs the image nothing.
        entries.add(new LxcEntry.MountEntry("shm", "dev/shm", "tmpfs",
                List.of("rw", "nosuid", "nodev", "noexec", "mode=1777", "size=65536k", "create=dir")));
        // privileged, as Docker: nothing masked (the autodev hook makes the host's device nodes)
        if (!spec.privileged()) {
            entries.addAll(maskedPaths());
        }
        for (BindMount bind : spec.binds()) {
            entries.add(bindEntry(bind));
        }
        entries.addAll(network(spec.network()));
        entries.addAll(CgroupEntries.of(spec.resources(), cgroups));
        entries.addAll(CgroupEntries.devices(spec.privileged(), spec.deviceRules(), cgroups));
        entries.add(new LxcEntry.NoNewPrivs(spec.noNewPrivileges()));
        if (spec.seccomp() != SeccompProfile.UNCONFINED) {
            entries.add(new LxcEntry.SeccompProfile(dir.seccomp()));
        }
        entries.add(new LxcEntry.CapKeep(capabilities(spec)));
        for (String variable : spec.process().env()) {
            entries.add(environment(variable));
        }
        entries.add(new LxcEntry.InitUid(spec.process().uid()));
        entries.add(new LxcEntry.InitGid(spec.process().gid()));
        if (!spec.process().additionalGids().isEmpty()) {
            entries.add(new LxcEntry.InitGroups(spec.process().additionalGids()));
        }
        entries.add(new LxcEntry.InitCwd(spec.process().cwd()));
        entries.add(new LxcEntry.LogFile(dir.lxcLog()));
        // NOTICE, not INFO: at INFO LXC logs each seccomp rule it adds (some 1,400 lines, about
        // 20 ms of every start); a failed start is explained by the ERROR lines (LxcLog).
        entries.add(new LxcEntry.LogLevel(LogPriority.NOTICE));
        // No AppArmor on the hosts this backend targets; "unconfined" also keeps LXC from
        // looking for its generated profile where AppArmor does exist.
        entries.add(new LxcEntry.ApparmorProfile("unconfined"));
        String hook = ShellWord.quote(dir.hook().toString());
        entries.add(new LxcEntry.Hook(HookType.PRE_MOUNT, hook));
        entries.add(new LxcEntry.Hook(HookType.MOUNT, hook));
        if (spec.privileged() || spec.devices().stream().anyMatch(GivenDevices::inDev)) {
            // only then: each hook run is one more bash at start
            entries.add(new LxcEntry.Hook(HookType.AUTODEV, hook));
        }
        entries.add(new LxcEntry.Hook(HookType.START_HOST, hook));
        entries.add(new LxcEntry.Hook(HookType.STOP, hook));
        return new LxcConfig(entries);
    }

    /** The capabilities the container keeps, by LXC's names. */
    static EnumSet<Capability> capabilities(SandboxSpec spec) {
        return spec.capabilities().stream().map(Capability::ofKernelName)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Capability.class)));
    }

    /**
     * Docker's masked paths: /dev/null over kernel files that leak host state, an empty read-only
     * tmpfs over directories. {@code optional}: a kernel without the file is fine. proc:mixed
     * already leaves /proc/sys and /proc/sysrq-trigger read-only, sys:ro all of /sys; the mount
     * hook makes Docker's other read-only paths read-only (an entry's source cannot name the
     * container's own /proc).
     */
    static List<LxcEntry> maskedPaths() {
        List<LxcEntry> entries = new ArrayList<>();
        for (String file : List.of("proc/interrupts", "proc/kcore", "proc/keys", "proc/latency_stats", "proc/timer_list",
                "proc/timer_stats", "proc/sched_debug")) {
            entries.add(new LxcEntry.MountEntry("/dev/null", file, "none", List.of("bind", "optional")));
        }
        for (String directory : List.of("proc/acpi", "proc/asound", "proc/scsi", "sys/firmware", "sys/devices/virtual/powercap")) {
            entries.add(new LxcEntry.MountEntry("tmpfs", directory, "tmpfs", List.of("ro", "optional")));
        }
        return entries;
    }

    /**
     * The three attachments, as LXC 5.0 expresses them (each tried on this host):
     * <ul>
     * <li>Private: {@code lxc.net.0.type = empty} creates a namespace with loopback only, and
     * {@code flags = up} brings loopback up ({@code --network none}).</li>
     * <li>Host: {@code lxc.net.0.type = none}. Not {@code lxc.namespace.keep = net}: keep is a
     * deny list over every namespace the kernel has, so LXC 5.0.2 then also clones a user
     * namespace without id maps and a privileged container fails to set up /dev (EOVERFLOW).</li>
     * <li>Join: {@code lxc.namespace.share.net = <path>}; LXC opens an absolute path as the
     * namespace file itself (checked with a namespace under /run/netns), and no
     * {@code lxc.net.*} may be set alongside it.</li>
     * </ul>
     */
    static List<LxcEntry> network(NetworkAttachment network) {
        if (network instanceof NetworkAttachment.Private) {
            return List.of(new LxcEntry.NetType(0, NetworkType.EMPTY), new LxcEntry.NetFlagsUp(0));
        }
        if (network instanceof NetworkAttachment.Host) {
            return List.of(new LxcEntry.NetType(0, NetworkType.NONE));
        }
        NetworkAttachment.Join join = (NetworkAttachment.Join) network;
        if (!join.namespace().isAbsolute()) {
            throw new InvalidSpecException("the network namespace path " + join.namespace() + " must be absolute");
        }
        return List.of(new LxcEntry.NamespaceShare(Namespace.NET, join.namespace().toString()));
    }

    /**
     * A volume as Docker mounts it: recursive bind, read-only when asked. No {@code create=}: the
     * pre-mount hook makes the mountpoint before the root turns read-only. A path through a
     * symlink in the image is refused by LXC ("was a symbolic link"), where Docker would resolve
     * it inside the root: safe, but stricter.
     */
    static LxcEntry bindEntry(BindMount bind) {
        List<String> options = new ArrayList<>(List.of("rbind"));
        if (bind.readOnly()) {
            options.add("ro");
        }
        return new LxcEntry.MountEntry(bind.source().toString(), relative(bind.destination()), "none", options);
    }

    /** LXC resolves a relative mount target under the container's root. */
    static String relative(String destination) {
        String relative = destination.replaceAll("^/+", "");
        return relative.isEmpty() ? "." : relative;
    }

    private static LxcEntry environment(String variable) {
        int eq = variable.indexOf('=');
        if (eq <= 0) {
            throw new InvalidSpecException("invalid environment variable " + variable + ": expected NAME=value");
        }
        return new LxcEntry.Environment(variable.substring(0, eq), variable.substring(eq + 1));
    }
}
