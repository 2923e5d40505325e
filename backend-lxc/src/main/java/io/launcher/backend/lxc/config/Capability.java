package io.launcher.backend.lxc.config;

import io.launcher.api.InvalidSpecException;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** Linux capabilities by the names {@code lxc.cap.keep} and {@code lxc.cap.drop} use (no CAP_ prefix, lower case). */
public enum Capability {
    CHOWN, DAC_OVERRIDE, DAC_READ_SEARCH, FOWNER, FSETID, KILL, SETGID, SETUID, SETPCAP,
    LINUX_IMMUTABLE, NET_BIND_SERVICE, NET_BROADCAST, NET_ADMIN, NET_RAW, IPC_LOCK, IPC_OWNER,
    SYS_MODULE, SYS_RAWIO, SYS_CHROOT, SYS_PTRACE, SYS_PACCT, SYS_ADMIN, SYS_BOOT, SYS_NICE,
    SYS_RESOURCE, SYS_TIME, SYS_TTY_CONFIG, MKNOD, LEASE, AUDIT_WRITE, AUDIT_CONTROL, SETFCAP,
    MAC_OVERRIDE, MAC_ADMIN, SYSLOG, WAKE_ALARM, BLOCK_SUSPEND, AUDIT_READ, PERFMON, BPF,
    CHECKPOINT_RESTORE;

    /** What Docker leaves a container by default (moby's oci/caps/defaults.go). */
    public static Set<Capability> dockerDefaults() {
        return EnumSet.of(CHOWN, DAC_OVERRIDE, FSETID, FOWNER, MKNOD, NET_RAW, SETGID, SETUID,
                SETFCAP, SETPCAP, NET_BIND_SERVICE, SYS_CHROOT, KILL, AUDIT_WRITE);
    }

    /** From the kernel's and OCI's spelling, {@code CAP_NET_ADMIN}. */
    public static Capability ofKernelName(String name) {
        if (!name.startsWith("CAP_")) {
            throw new InvalidSpecException("unknown capability " + name);
        }
        return of(name.substring("CAP_".length()));
    }

    public String token() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Capability of(String token) {
        try {
            return valueOf(token.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidSpecException("unknown capability " + token, e);
        }
    }
}
