package io.launcher.network.bridge;

import io.launcher.api.SystemCallFailedException;

/** How a host tool ended: its exit code and what it printed. */
public record CommandResult(int exitCode, String stdout, String stderr) {

    public boolean succeeded() {
        return exitCode == 0;
    }

    /**
     * Returns this result when the tool succeeded; otherwise fails with the tool's own last line
     * of complaint as the cause ("unable to add veth lv0123456789: RTNETLINK answers: File exists").
     */
    public CommandResult orFail(String operation, String object) {
        if (succeeded()) {
            return this;
        }
        throw new SystemCallFailedException(operation, object, cause());
    }

    private String cause() {
        String text = stderr.isBlank() ? stdout : stderr;
        String[] lines = text.strip().split("\n");
        String last = lines[lines.length - 1].strip();
        return last.isEmpty() ? "exit status " + exitCode : last;
    }
}
