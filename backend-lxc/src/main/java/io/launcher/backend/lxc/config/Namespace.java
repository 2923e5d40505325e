package io.launcher.backend.lxc.config;

import io.launcher.api.InvalidSpecException;
import java.util.Locale;

/** The namespace identifiers of /proc/PID/ns, as {@code lxc.namespace.*} names them. */
public enum Namespace {
    CGROUP, IPC, MNT, NET, PID, TIME, USER, UTS;

    public String token() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Namespace of(String token) {
        for (Namespace ns : values()) {
            if (ns.token().equals(token)) {
                return ns;
            }
        }
        throw new InvalidSpecException("unknown namespace " + token);
    }
}
