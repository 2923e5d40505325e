package io.launcher.api;

import java.util.List;

/**
 * What {@code exec} runs in a running container, as Docker's exec create body; {@code privileged}
 * ({@code exec --privileged}) gives the process every capability.
 */
public record ExecConfig(List<String> cmd, List<String> env, String workingDir, String user, boolean tty,
                         boolean attachStdin, boolean attachStdout, boolean attachStderr, boolean privileged) {
    public ExecConfig {
        cmd = List.copyOf(cmd);
        env = List.copyOf(env);
        workingDir = workingDir == null ? "" : workingDir;
        user = user == null ? "" : user;
        if (cmd.isEmpty()) {
            throw new InvalidSpecException("No exec command specified");
        }
    }

    /** An exec without {@code --privileged}: the form callers written before it use. */
    public ExecConfig(List<String> cmd, List<String> env, String workingDir, String user, boolean tty,
                      boolean attachStdin, boolean attachStdout, boolean attachStderr) {
        this(cmd, env, workingDir, user, tty, attachStdin, attachStdout, attachStderr, false);
    }
}
