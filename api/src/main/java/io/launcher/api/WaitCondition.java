package io.launcher.api;

import java.util.Locale;

/** Docker's wait conditions. */
public enum WaitCondition {
    NOT_RUNNING, NEXT_EXIT, REMOVED;

    public static WaitCondition parse(String text) {
        if (text == null || text.isEmpty()) {
            return NOT_RUNNING;
        }
        try {
            return valueOf(text.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new InvalidSpecException("invalid condition: \"" + text + "\"");
        }
    }
}
