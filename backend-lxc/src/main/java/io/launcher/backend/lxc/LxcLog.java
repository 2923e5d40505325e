package io.launcher.backend.lxc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** What LXC wrote to the container's lxc.log, for the message of a failed start. */
final class LxcLog {
    private LxcLog() {
    }

    /**
     * The first ERROR line's message: LXC logs the cause first and then each caller that gave
     * up ("Failed to setup container", "Failed to spawn container").
     */
    static String startFailure(ContainerDir dir) {
        String reason = lastError(dir.lxcLog());
        try {
            List<String> hook = Files.readAllLines(dir.hookLog()).stream().filter(line -> !line.isBlank() && !Character.isWhitespace(line.charAt(0))).toList();
            return hook.isEmpty() ? reason : reason + ": " + hook.get(hook.size() - 1);
        } catch (IOException e) {
            return reason;
        }
    }

    static String lastError(Path log) {
        List<String> lines;
        try {
            lines = Files.readAllLines(log);
        } catch (IOException e) {
            return "lxc-execute failed and left no log at " + log;
        }
        return lines.stream().filter(line -> line.contains(" ERROR ")).findFirst()
                .map(LxcLog::message).orElse("lxc-execute failed, see " + log);
    }

    /** {@code lxc-execute <name> <time> ERROR <module> - <file>:<func>:<line> - <message>}. */
    private static String message(String line) {
        int dash = line.lastIndexOf(" - ");
        return dash < 0 ? line : line.substring(dash + 3);
    }
}
