package io.launcher.engine;

import io.launcher.api.InvalidSpecException;
import java.util.List;
import java.util.Locale;

/** Linux signal names and numbers, as {@code kill -s} and the API's {@code signal=} take them. */
final class Signals {
    static final int TERM = 15;
    static final int KILL = 9;
    private static final List<String> NAMES = List.of("", "HUP", "INT", "QUIT", "ILL", "TRAP", "ABRT", "BUS", "FPE",
            "KILL", "USR1", "SEGV", "USR2", "PIPE", "ALRM", "TERM", "STKFLT", "CHLD", "CONT", "STOP", "TSTP", "TTIN",
            "TTOU", "URG", "XCPU", "XFSZ", "VTALRM", "PROF", "WINCH", "IO", "PWR", "SYS");

    private Signals() {
    }

    static int parse(String text) {
        if (text == null || text.isEmpty()) {
            return KILL;
        }
        if (text.matches("[0-9]{1,2}")) {
            int number = Integer.parseInt(text);
            if (number >= 1 && number <= 64) {
                return number;
            }
        }
        String name = text.toUpperCase(Locale.ROOT);
        name = name.startsWith("SIG") ? name.substring(3) : name;
        int index = NAMES.indexOf(name);
        if (index <= 0) {
            throw new InvalidSpecException("invalid signal: " + text);
        }
        return index;
    }
}
