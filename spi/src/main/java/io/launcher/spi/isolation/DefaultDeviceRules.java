package io.launcher.spi.isolation;

import java.util.ArrayList;
import java.util.List;

/**
 * Docker's devices cgroup allow rules, the ones every unprivileged container gets over a default
 * deny, stated once for every backend (each writes them in its own form: v1 {@code devices.allow}
 * lines, a v2 BPF device filter, LXC's {@code lxc.cgroup.devices.allow}). They are the union of
 * moby's default spec ({@code oci.DefaultLinuxSpec}: null, zero, urandom, random, tty, console)
 * and runc's {@code AllowedDevices}, which runc appends to every spec: mknod of any node (an image
 * may ship nodes; using one is what the other rules decide), the harmless character devices, the
 * ptys, ptmx and tun. moby's explicit deny of fuse (c 10:229) is what the default deny does
 * already. The order is the one the backends have always written, so a filter or a log line stays
 * the same byte for byte.
 *
 * <p>A privileged container, which may use every device, gets none of these: a backend allows it
 * everything instead.
 */
public final class DefaultDeviceRules {
    private static final long ANY = DeviceRule.ANY;

    /** Docker's rules, in the order a backend writes them. */
    public static final List<DeviceRule> RULES = List.of(
            new DeviceRule('c', ANY, ANY, "m"),    // mknod of any character node
            new DeviceRule('b', ANY, ANY, "m"),    // and of any block node
            new DeviceRule('c', 1, 3, "rwm"),      // /dev/null
            new DeviceRule('c', 1, 5, "rwm"),      // /dev/zero
            new DeviceRule('c', 1, 7, "rwm"),      // /dev/full
            new DeviceRule('c', 1, 8, "rwm"),      // /dev/random
            new DeviceRule('c', 1, 9, "rwm"),      // /dev/urandom
            new DeviceRule('c', 5, 0, "rwm"),      // /dev/tty
            new DeviceRule('c', 5, 1, "rwm"),      // /dev/console
            new DeviceRule('c', 5, 2, "rwm"),      // /dev/ptmx
            new DeviceRule('c', 136, ANY, "rwm"),  // /dev/pts/*
            new DeviceRule('c', 10, 200, "rwm"));  // /dev/net/tun

    private DefaultDeviceRules() {
    }

    /**
     * The allow rules of an unprivileged container: Docker's, then the spec's own
     * ({@link SandboxSpec#deviceRules()}, which come after the defaults by its contract).
     */
    public static List<DeviceRule> with(List<DeviceRule> given) {
        List<DeviceRule> rules = new ArrayList<>(RULES.size() + given.size());
        rules.addAll(RULES);
        rules.addAll(given);
        return List.copyOf(rules);
    }
}
