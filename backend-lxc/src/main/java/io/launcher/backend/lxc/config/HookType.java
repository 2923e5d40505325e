package io.launcher.backend.lxc.config;

import io.launcher.api.InvalidSpecException;

/** The {@code lxc.hook.*} points of a container's start and stop. */
public enum HookType {
    PRE_START("pre-start"),
    PRE_MOUNT("pre-mount"),
    MOUNT("mount"),
    AUTODEV("autodev"),
    START_HOST("start-host"),
    START("start"),
    STOP("stop"),
    POST_STOP("post-stop");

    private final String token;

    HookType(String token) {
        this.token = token;
    }

    public String token() {
        return token;
    }

    public static HookType of(String token) {
        for (HookType type : values()) {
            if (type.token.equals(token)) {
                return type;
            }
        }
        throw new InvalidSpecException("unknown lxc hook " + token);
    }
}
