package io.launcher.backend.lxc.config;

import io.launcher.api.InvalidSpecException;
import io.launcher.spi.MountTableField;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the text form back into entries, as LXC's own parser splits lines: the key before the
 * first {@code =}, the value after it with surrounding blanks trimmed, {@code #} lines ignored.
 * Keys the model does not know are refused.
 */
final class LxcConfigParser {
    private static final Pattern NET = Pattern.compile("lxc\\.net\\.(\\d+)\\.(type|flags)");
    private static final String SHARE = "lxc.namespace.share.";
    private static final String HOOK = "lxc.hook.";

    private static final Map<String, Function<String, LxcEntry>> EXACT = Map.ofEntries(
            Map.entry("lxc.uts.name", LxcEntry.UtsName::new),
            Map.entry("lxc.rootfs.path", v -> new LxcEntry.RootfsPath(Path.of(v))),
            Map.entry("lxc.rootfs.options", v -> new LxcEntry.RootfsOptions(List.of(v.split(",")))),
            Map.entry("lxc.mount.auto", LxcConfigParser::mountAuto),
            Map.entry("lxc.mount.entry", LxcConfigParser::mountEntry),
            Map.entry("lxc.namespace.keep", LxcConfigParser::namespaceKeep),
            Map.entry("lxc.cgroup2.cpu.max", LxcConfigParser::cpuMax),
            Map.entry("lxc.cgroup.devices.allow", v -> new LxcEntry.CgroupDevices(false, true, v)),
            Map.entry("lxc.cgroup.devices.deny", v -> new LxcEntry.CgroupDevices(false, false, v)),
            Map.entry("lxc.cgroup2.devices.allow", v -> new LxcEntry.CgroupDevices(true, true, v)),
            Map.entry("lxc.cgroup2.devices.deny", v -> new LxcEntry.CgroupDevices(true, false, v)),
            Map.entry("lxc.cap.keep", v -> new LxcEntry.CapKeep(v.equals("none") ? Set.of() : Capabilities.parse(v))),
            Map.entry("lxc.cap.drop", v -> new LxcEntry.CapDrop(Capabilities.parse(v))),
            Map.entry("lxc.autodev", v -> new LxcEntry.Autodev(flag(v))),
            Map.entry("lxc.no_new_privs", v -> new LxcEntry.NoNewPrivs(flag(v))),
            Map.entry("lxc.pty.max", v -> new LxcEntry.PtyMax(Integer.parseInt(v))),
            Map.entry("lxc.console.path", v -> new LxcEntry.ConsolePath(
                    v.equals("none") ? Optional.empty() : Optional.of(Path.of(v)))),
            Map.entry("lxc.environment", LxcConfigParser::environment),
            Map.entry("lxc.init.uid", v -> new LxcEntry.InitUid(Integer.parseInt(v))),
            Map.entry("lxc.init.gid", v -> new LxcEntry.InitGid(Integer.parseInt(v))),
            Map.entry("lxc.init.cwd", LxcEntry.InitCwd::new),
            Map.entry("lxc.init.groups", v -> new LxcEntry.InitGroups(
                    Arrays.stream(v.split(",")).map(String::strip).map(Integer::valueOf).toList())),
            Map.entry("lxc.execute.cmd", v -> new LxcEntry.ExecuteCmd(QuotedWords.split(v))),
            Map.entry("lxc.log.file", v -> new LxcEntry.LogFile(Path.of(v))),
            Map.entry("lxc.log.level", v -> new LxcEntry.LogLevel(LogPriority.of(v))),
            Map.entry("lxc.apparmor.profile", LxcEntry.ApparmorProfile::new),
            Map.entry("lxc.seccomp.profile", v -> new LxcEntry.SeccompProfile(Path.of(v))));

    private LxcConfigParser() {
    }

    static List<LxcEntry> parse(String text) {
        List<LxcEntry> entries = new ArrayList<>();
        for (String raw : text.split("\n", -1)) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq < 0) {
                throw new InvalidSpecException("invalid lxc configuration line, no '=': " + line);
            }
            entries.add(entry(line.substring(0, eq).strip(), line.substring(eq + 1).strip()));
        }
        return entries;
    }

    static LxcEntry entry(String key, String value) {
        try {
            return dispatch(key, value);
        } catch (NumberFormatException | IndexOutOfBoundsException e) {
            throw new InvalidSpecException("invalid value for " + key + ": " + value, e);
        }
    }

    private static LxcEntry dispatch(String key, String value) {
        Function<String, LxcEntry> exact = EXACT.get(key);
        if (exact != null) {
            return exact.apply(value);
        }
        Optional<CgroupSetting> cgroup = CgroupSetting.forKey(key);
        if (cgroup.isPresent()) {
            return new LxcEntry.CgroupLimit(cgroup.get(), Long.parseLong(value));
        }
        Matcher net = NET.matcher(key);
        if (net.matches()) {
            return net(Integer.parseInt(net.group(1)), net.group(2), value);
        }
        if (key.startsWith(SHARE)) {
            return new LxcEntry.NamespaceShare(Namespace.of(key.substring(SHARE.length())), value);
        }
        if (key.startsWith(HOOK)) {
            return new LxcEntry.Hook(HookType.of(key.substring(HOOK.length())), value);
        }
        throw new InvalidSpecException("unknown lxc configuration key " + key);
    }

    private static LxcEntry net(int index, String property, String value) {
        if (property.equals("type")) {
            return new LxcEntry.NetType(index, NetworkType.of(value));
        }
        if (!value.equals("up")) {
            throw new InvalidSpecException("unsupported lxc.net." + index + ".flags value " + value);
        }
        return new LxcEntry.NetFlagsUp(index);
    }

    private static LxcEntry mountAuto(String value) {
        Set<AutoMount> mounts = EnumSet.noneOf(AutoMount.class);
        for (String token : value.split("\\s+")) {
            mounts.add(AutoMount.of(token));
        }
        return new LxcEntry.MountAuto(mounts);
    }

    private static LxcEntry mountEntry(String value) {
        String[] fields = value.split("[ \t]+");
        if (fields.length < 4 || fields.length > 6) {
            throw new InvalidSpecException("invalid lxc.mount.entry, expected an fstab line: " + value);
        }
        return new LxcEntry.MountEntry(MountTableField.unescape(fields[0]), MountTableField.unescape(fields[1]), fields[2],
                Arrays.asList(fields[3].split(",")));
    }

    private static LxcEntry namespaceKeep(String value) {
        Set<Namespace> namespaces = EnumSet.noneOf(Namespace.class);
        for (String token : value.split("\\s+")) {
            namespaces.add(Namespace.of(token));
        }
        return new LxcEntry.NamespaceKeep(namespaces);
    }

    private static LxcEntry cpuMax(String value) {
        String[] parts = value.split("\\s+");
        if (parts.length != 2) {
            throw new InvalidSpecException("invalid lxc.cgroup2.cpu.max, expected 'quota period': " + value);
        }
        return new LxcEntry.CgroupCpuMax(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
    }

    private static LxcEntry environment(String value) {
        int eq = value.indexOf('=');
        if (eq <= 0) {
            throw new InvalidSpecException("invalid lxc.environment, expected NAME=value: " + value);
        }
        return new LxcEntry.Environment(value.substring(0, eq), value.substring(eq + 1));
    }

    private static boolean flag(String value) {
        return switch (value) {
            case "1" -> true;
            case "0" -> false;
            default -> throw new InvalidSpecException("invalid flag " + value + ", expected 0 or 1");
        };
    }
}
