package io.launcher.backend.lxc.config;

import io.launcher.api.InvalidSpecException;
import java.util.Locale;

/**
 * {@code lxc.net.[i].type}: {@code none} shares the host's network namespace, {@code empty} gives
 * a new one with only loopback, {@code veth} adds a pair with one end on the host.
 */
public enum NetworkType {
    NONE, EMPTY, VETH;

    public String token() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static NetworkType of(String token) {
        for (NetworkType type : values()) {
            if (type.token().equals(token)) {
                return type;
            }
        }
        throw new InvalidSpecException("unknown lxc.net type " + token);
    }
}
