package io.launcher.backend.lxc.config;

import io.launcher.api.InvalidSpecException;

/** {@code lxc.log.level}: LXC's priorities, from the most verbose. */
public enum LogPriority {
    TRACE, DEBUG, INFO, NOTICE, WARN, ERROR, CRIT, ALERT, FATAL;

    public static LogPriority of(String token) {
        try {
            return valueOf(token);
        } catch (IllegalArgumentException e) {
            throw new InvalidSpecException("unknown lxc.log.level " + token, e);
        }
    }
}
