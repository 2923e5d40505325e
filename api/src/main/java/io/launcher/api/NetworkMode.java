package io.launcher.api;

import java.util.Locale;

/** Docker's {@code --network} modes that Launcher serves. */
public enum NetworkMode {
    /** A network namespace with loopback only. */
    NONE,
    /** The host's network namespace. */
    HOST,
    /** A namespace of its own with a veth on the engine's bridge. */
    BRIDGE;

    public static NetworkMode parse(String text) {
        if (text == null || text.isEmpty() || text.equals("default")) {
            return BRIDGE;
        }
        try {
            return valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidSpecException("network " + text + " not found");
        }
    }

    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
