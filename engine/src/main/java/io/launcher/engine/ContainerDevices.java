package io.launcher.engine;

import io.launcher.api.DeviceMapping;
import io.launcher.api.HostConfig;
import io.launcher.api.InvalidSpecException;
import io.launcher.spi.isolation.DeviceNode;
import io.launcher.spi.isolation.DeviceRule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Docker's {@code --device} and {@code --device-cgroup-rule} as the nodes and devices cgroup rules a
 * backend applies (moby's WithDevices and DevicesFromPath): each host node is read as it is now
 * (type, numbers, mode, owner, a symlink followed); a folder gives every node below it, under the
 * container path; each node gets an allow rule with its permissions. A privileged container,
 * which has the host's nodes and every device already, gets only the mappings that move a node
 * elsewhere, and no rule. Read at create, to refuse a bad mapping early, and again at each start.
 */
final class ContainerDevices {
    private static final Pattern CGROUP_RULE = Pattern.compile("([acb]) ([0-9]+|\\*):([0-9]+|\\*) ([rwm]{1,3})");
    private static final int S_IFMT = 0170000;
    private static final int S_IFCHR = 0020000;
    private static final int S_IFBLK = 0060000;
    private static final int S_IFDIR = 0040000;

    /** The nodes to make and the rules to add. */
    record Resolved(List<DeviceNode> nodes, List<DeviceRule> rules) {
    }

    private ContainerDevices() {
    }

    static Resolved resolve(HostConfig host) {
        List<DeviceNode> nodes = new ArrayList<>();
        List<DeviceRule> rules = new ArrayList<>();
        for (DeviceMapping mapping : host.devices()) {
            if (host.privileged() && mapping.pathOnHost().equals(mapping.pathInContainer())) {
                continue;  // moby: already there through the host's /dev
            }
            for (DeviceNode node : nodes(mapping)) {
                nodes.add(node);
                if (!host.privileged()) {
                    rules.add(rule(node, mapping));
                }
            }
        }
        for (String rule : host.deviceCgroupRules()) {
            DeviceRule parsed = cgroupRule(rule);
            if (!host.privileged()) {
                rules.add(parsed);
            }
        }
        return new Resolved(nodes, rules);
    }

    /** {@code c 1:3 rwm}, {@code a *:* r}: moby's pattern. */
    static DeviceRule cgroupRule(String rule) {
        Matcher m = CGROUP_RULE.matcher(rule);
        if (!m.matches()) {
            throw new InvalidSpecException("invalid device cgroup rule format: '" + rule + "'");
        }
        try {
            return new DeviceRule(m.group(1).charAt(0), number(m.group(2)), number(m.group(3)), distinct(m.group(4)));
        } catch (NumberFormatException e) {
            throw new InvalidSpecException("invalid device cgroup rule format: '" + rule + "'", e);
        }
    }

    private static List<DeviceNode> nodes(DeviceMapping mapping) {
        if (!mapping.pathInContainer().startsWith("/")) {
            throw new InvalidSpecException(mapping.pathInContainer() + " is not an absolute path");
        }
        Path host = Path.of(mapping.pathOnHost());
        Map<String, Object> attributes;
        try {
            attributes = Files.readAttributes(host, "unix:mode,rdev,uid,gid");
        } catch (IOException e) {
            throw gathering(mapping, e);
        }
        int type = (Integer) attributes.get("mode") & S_IFMT;
        if (type == S_IFCHR || type == S_IFBLK) {
            return List.of(node(mapping.pathInContainer(), host, attributes));
        }
        List<DeviceNode> nodes = type == S_IFDIR ? folder(host, mapping.pathInContainer()) : List.of();
        if (nodes.isEmpty()) {
            throw new InvalidSpecException("error gathering device information while adding custom device \""
                    + mapping.pathOnHost() + "\": not a device node");
        }
        return nodes;
    }

    /** Every node below a folder (links not followed), at the same place below the container path. */
    private static List<DeviceNode> folder(Path folder, String inContainer) {
        Path real;
        try {
            real = folder.toRealPath();
        } catch (IOException e) {
            return List.of();
        }
        List<DeviceNode> nodes = new ArrayList<>();
        try (Stream<Path> paths = Files.walk(real)) {
            paths.sorted().forEach(path -> {
                try {
                    Map<String, Object> attributes = Files.readAttributes(path, "unix:mode,rdev,uid,gid",
                            LinkOption.NOFOLLOW_LINKS);
                    int type = (Integer) attributes.get("mode") & S_IFMT;
                    if (type == S_IFCHR || type == S_IFBLK) {
                        String below = real.relativize(path).toString();
                        nodes.add(node(inContainer.replaceAll("/+$", "") + "/" + below, path, attributes));
                    }
                } catch (IOException e) {
                    // gone meanwhile, or unreadable: moby skips such an entry too
                }
            });
        } catch (IOException | UncheckedIOException e) {
            return nodes;
        }
        return nodes;
    }

    private static DeviceNode node(String inContainer, Path host, Map<String, Object> attributes) {
        int mode = (Integer) attributes.get("mode");
        long rdev = (Long) attributes.get("rdev");
        // glibc's gnu_dev_major/minor: the split of a 64-bit dev_t
        long major = ((rdev >>> 8) & 0xfff) | ((rdev >>> 32) & ~0xfffL);
        long minor = (rdev & 0xff) | ((rdev >>> 12) & ~0xffL);
        return new DeviceNode(inContainer, (mode & S_IFMT) == S_IFBLK ? 'b' : 'c', major, minor, mode & 07777,
                (Integer) attributes.get("uid"), (Integer) attributes.get("gid"), host);
    }

    /** The node's rule with the mapping's permissions, which {@link DeviceRule} checks are a subset of rwm. */
    private static DeviceRule rule(DeviceNode node, DeviceMapping mapping) {
        try {
            return node.rule(mapping.cgroupPermissions());
        } catch (IllegalArgumentException e) {
            throw new InvalidSpecException("invalid device mode: " + mapping.cgroupPermissions()
                    + " (device " + mapping.pathOnHost() + ")", e);
        }
    }

    private static InvalidSpecException gathering(DeviceMapping mapping, IOException e) {
        String cause = e instanceof NoSuchFileException ? "no such file or directory"
                : e instanceof AccessDeniedException ? "permission denied"
                : e instanceof NotDirectoryException ? "not a directory"
                : String.valueOf(e.getMessage());
        return new InvalidSpecException("error gathering device information while adding custom device \""
                + mapping.pathOnHost() + "\": " + cause, e);
    }

    private static long number(String text) {
        return text.equals("*") ? DeviceRule.ANY : Long.parseLong(text);
    }

    /** "rrw" as "rw": the kernel takes each letter once. */
    private static String distinct(String access) {
        StringBuilder out = new StringBuilder();
        for (char c : "rwm".toCharArray()) {
            if (access.indexOf(c) >= 0) {
                out.append(c);
            }
        }
        return out.toString();
    }
}
