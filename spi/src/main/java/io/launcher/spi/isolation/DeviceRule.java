package io.launcher.spi.isolation;

/**
 * One allow rule of the devices cgroup, on top of Docker's default rules (OCI's
 * {@code linux.resources.devices} entry with {@code allow: true}): {@code type} 'a' (every
 * device), 'c' or 'b'; {@link #ANY} as a number matches every number; {@code access} a non-empty
 * subset of "rwm" (read, write, mknod). {@link #text()} is the cgroup v1 {@code devices.allow}
 * form, which LXC's configuration also takes.
 */
public record DeviceRule(char type, long major, long minor, String access) {
    /** The wildcard number ({@code *}). */
    public static final long ANY = -1;

    public DeviceRule {
        if (type != 'a' && type != 'c' && type != 'b') {
            throw new IllegalArgumentException("a device rule is of type a, c or b, not " + type);
        }
        if (major < ANY || minor < ANY) {
            throw new IllegalArgumentException("invalid device numbers " + major + ":" + minor);
        }
        if (access == null || !access.matches("(?!.*(.).*\\1)[rwm]{1,3}")) {
            throw new IllegalArgumentException("invalid device access " + access + ": a subset of rwm");
        }
    }

    /** {@code c 1:3 rwm}, {@code a *:* rwm}. */
    public String text() {
        return type + " " + number(major) + ":" + number(minor) + " " + access;
    }

    private static String number(long n) {
        return n == ANY ? "*" : Long.toString(n);
    }
}
