package io.launcher.backend.lxc.config;

import io.launcher.api.InvalidSpecException;

/** The filesystems {@code lxc.mount.auto} mounts for the container, with their modes. */
public enum AutoMount {
    PROC_MIXED("proc:mixed"),
    PROC_RW("proc:rw"),
    SYS_RO("sys:ro"),
    SYS_MIXED("sys:mixed"),
    SYS_RW("sys:rw"),
    CGROUP_MIXED("cgroup:mixed"),
    CGROUP_RO("cgroup:ro"),
    CGROUP_RW("cgroup:rw"),
    /*
     * ":force": mounted even when the container keeps CAP_SYS_ADMIN; without it LXC leaves the
     * cgroup mounts to the container's init in a cgroup namespace, and a privileged one got none.
     */
    CGROUP_RO_FORCE("cgroup:ro:force"),
    CGROUP_RW_FORCE("cgroup:rw:force");

    private final String token;

    AutoMount(String token) {
        this.token = token;
    }

    public String token() {
        return token;
    }

    public static AutoMount of(String token) {
        for (AutoMount mount : values()) {
            if (mount.token.equals(token)) {
                return mount;
            }
        }
        throw new InvalidSpecException("unknown lxc.mount.auto value " + token);
    }
}
