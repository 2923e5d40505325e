package io.launcher.backend.lxc.config;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One line of an LXC container configuration ({@code man lxc.container.conf}), typed: each record
 * knows its key and renders its value; {@link LxcConfigParser} reads the text form back. Only
 * keys the backend uses are modelled, so a config it writes always reads back equal.
 */
public sealed interface LxcEntry {

    String key();

    String value();

    /** {@code lxc.uts.name}: the container's hostname. */
    record UtsName(String hostname) implements LxcEntry {
        public String key() { return "lxc.uts.name"; }
        public String value() { return hostname; }
    }

    /** {@code lxc.rootfs.path}: a directory LXC binds as the container's root. */
    record RootfsPath(Path path) implements LxcEntry {
        public String key() { return "lxc.rootfs.path"; }
        public String value() { return path.toString(); }
    }

    /** {@code lxc.rootfs.options}: mount options of the root, e.g. {@code ro}. */
    record RootfsOptions(List<String> options) implements LxcEntry {
        public RootfsOptions {
            options = List.copyOf(options);
        }
        public String key() { return "lxc.rootfs.options"; }
        public String value() { return String.join(",", options); }
    }

    /** {@code lxc.mount.auto}: proc, sys and cgroup mounted by LXC itself. */
    record MountAuto(Set<AutoMount> mounts) implements LxcEntry {
        public MountAuto {
            mounts = Set.copyOf(EnumSet.copyOf(mounts));
        }
        public String key() { return "lxc.mount.auto"; }
        public String value() {
            return EnumSet.copyOf(mounts).stream().map(AutoMount::token).collect(Collectors.joining(" "));
        }
    }

    /**
     * {@code lxc.mount.entry}: one fstab line; a relative target is relative to the container's
     * root. Blanks and backslashes in paths are written as fstab's octal escapes.
     */
    record MountEntry(String source, String target, String fsType, List<String> options) implements LxcEntry {
        public MountEntry {
            options = List.copyOf(options);
        }
        public String key() { return "lxc.mount.entry"; }
        public String value() {
            return FstabField.escape(source) + " " + FstabField.escape(target) + " " + fsType + " "
                    + String.join(",", options) + " 0 0";
        }
    }

    /** {@code lxc.net.[i].type}. */
    record NetType(int index, NetworkType type) implements LxcEntry {
        public String key() { return "lxc.net." + index + ".type"; }
        public String value() { return type.token(); }
    }

    /** {@code lxc.net.[i].flags = up}: with type empty, brings loopback up. */
    record NetFlagsUp(int index) implements LxcEntry {
        public String key() { return "lxc.net." + index + ".flags"; }
        public String value() { return "up"; }
    }

    /** {@code lxc.namespace.share.[ns]}: join a namespace by pid, container name or absolute path. */
    record NamespaceShare(Namespace namespace, String target) implements LxcEntry {
        public String key() { return "lxc.namespace.share." + namespace.token(); }
        public String value() { return target; }
    }

    /** {@code lxc.namespace.keep}: namespaces inherited from the caller instead of created. */
    record NamespaceKeep(Set<Namespace> namespaces) implements LxcEntry {
        public NamespaceKeep {
            namespaces = Set.copyOf(EnumSet.copyOf(namespaces));
        }
        public String key() { return "lxc.namespace.keep"; }
        public String value() {
            return EnumSet.copyOf(namespaces).stream().map(Namespace::token).collect(Collectors.joining(" "));
        }
    }

    /** A cgroup file with one number, v1 or v2. */
    record CgroupLimit(CgroupSetting setting, long limit) implements LxcEntry {
        public String key() { return setting.key(); }
        public String value() { return Long.toString(limit); }
    }

    /**
     * {@code lxc.cgroup[2].devices.allow|deny = rule}: one device cgroup rule ({@code c 1:3 rwm},
     * {@code a}), for the v1 controller or LXC's v2 (eBPF) emulation of it.
     */
    record CgroupDevices(boolean v2, boolean allow, String rule) implements LxcEntry {
        public String key() { return (v2 ? "lxc.cgroup2" : "lxc.cgroup") + ".devices." + (allow ? "allow" : "deny"); }
        public String value() { return rule; }
    }

    /** {@code lxc.cgroup2.cpu.max = quota period}, in microseconds. */
    record CgroupCpuMax(long quotaMicros, long periodMicros) implements LxcEntry {
        public String key() { return "lxc.cgroup2.cpu.max"; }
        public String value() { return quotaMicros + " " + periodMicros; }
    }

    /** {@code lxc.cap.keep}: every capability not listed is dropped; {@code none} keeps none. */
    record CapKeep(Set<Capability> capabilities) implements LxcEntry {
        public CapKeep {
            capabilities = Set.copyOf(capabilities);
        }
        public String key() { return "lxc.cap.keep"; }
        public String value() { return capabilities.isEmpty() ? "none" : Capabilities.render(capabilities); }
    }

    /** {@code lxc.cap.drop}: the listed capabilities are dropped. */
    record CapDrop(Set<Capability> capabilities) implements LxcEntry {
        public CapDrop {
            capabilities = Set.copyOf(capabilities);
        }
        public String key() { return "lxc.cap.drop"; }
        public String value() { return Capabilities.render(capabilities); }
    }

    /** {@code lxc.no_new_privs}: PR_SET_NO_NEW_PRIVS for the init and for lxc-attach'ed processes. */
    record NoNewPrivs(boolean enabled) implements LxcEntry {
        public String key() { return "lxc.no_new_privs"; }
        public String value() { return enabled ? "1" : "0"; }
    }

    /** {@code lxc.autodev}: a fresh tmpfs /dev with the minimal device nodes. */
    record Autodev(boolean enabled) implements LxcEntry {
        public String key() { return "lxc.autodev"; }
        public String value() { return enabled ? "1" : "0"; }
    }

    /** {@code lxc.pty.max}: a private devpts instance allowing this many ptys. */
    record PtyMax(int count) implements LxcEntry {
        public String key() { return "lxc.pty.max"; }
        public String value() { return Integer.toString(count); }
    }

    /** {@code lxc.console.path}: empty means {@code none}, no console is allocated. */
    record ConsolePath(Optional<Path> path) implements LxcEntry {
        public String key() { return "lxc.console.path"; }
        public String value() { return path.map(Path::toString).orElse("none"); }
    }

    /** {@code lxc.environment}: one variable of the init's environment. */
    record Environment(String name, String content) implements LxcEntry {
        public String key() { return "lxc.environment"; }
        public String value() { return name + "=" + content; }
    }

    /** {@code lxc.init.uid}. */
    record InitUid(int uid) implements LxcEntry {
        public String key() { return "lxc.init.uid"; }
        public String value() { return Integer.toString(uid); }
    }

    /** {@code lxc.init.gid}. */
    record InitGid(int gid) implements LxcEntry {
        public String key() { return "lxc.init.gid"; }
        public String value() { return Integer.toString(gid); }
    }

    /**
     * {@code lxc.init.groups}: the init's supplementary groups (LXC 4.0.9 and later; missing from
     * 5.0's man page, present in liblxc and checked with {@code id} inside a container).
     */
    record InitGroups(List<Integer> gids) implements LxcEntry {
        public InitGroups {
            gids = List.copyOf(gids);
        }
        public String key() { return "lxc.init.groups"; }
        public String value() { return gids.stream().map(String::valueOf).collect(Collectors.joining(",")); }
    }

    /** {@code lxc.init.cwd}: absolute path inside the container. */
    record InitCwd(String directory) implements LxcEntry {
        public String key() { return "lxc.init.cwd"; }
        public String value() { return directory; }
    }

    /** {@code lxc.execute.cmd}: lxc-execute's default command, words quoted as LXC splits them. */
    record ExecuteCmd(List<String> args) implements LxcEntry {
        public ExecuteCmd {
            args = List.copyOf(args);
        }
        public String key() { return "lxc.execute.cmd"; }
        public String value() { return QuotedWords.join(args); }
    }

    /** {@code lxc.log.file}. */
    record LogFile(Path path) implements LxcEntry {
        public String key() { return "lxc.log.file"; }
        public String value() { return path.toString(); }
    }

    /** {@code lxc.log.level}. */
    record LogLevel(LogPriority priority) implements LxcEntry {
        public String key() { return "lxc.log.level"; }
        public String value() { return priority.name(); }
    }

    /** {@code lxc.apparmor.profile}. */
    record ApparmorProfile(String profile) implements LxcEntry {
        public String key() { return "lxc.apparmor.profile"; }
        public String value() { return profile; }
    }

    /** {@code lxc.seccomp.profile}: a profile file in LXC's text format. */
    record SeccompProfile(Path path) implements LxcEntry {
        public String key() { return "lxc.seccomp.profile"; }
        public String value() { return path.toString(); }
    }

    /** {@code lxc.hook.[type]}: a command line run through {@code sh -c} with name, section and type appended. */
    record Hook(HookType type, String command) implements LxcEntry {
        public String key() { return "lxc.hook." + type.token(); }
        public String value() { return command; }
    }
}
