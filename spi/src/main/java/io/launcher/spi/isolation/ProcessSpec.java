package io.launcher.spi.isolation;

import java.util.List;

/**
 * The process a sandbox runs: argv (argv[0] looked up in the container's PATH when it has no
 * slash), environment as {@code KEY=value}, working directory, numeric user and groups (the
 * engine resolves names from the image), whether it gets a terminal and an open stdin.
 * {@code privileged} is for {@link Sandbox#exec} ({@code docker exec --privileged}): that process
 * gets every capability whatever the sandbox keeps; its other confinement (namespaces, cgroup,
 * seccomp filter, no_new_privs) stays the sandbox's, as with Docker. A sandbox's own process
 * ignores it ({@link SandboxSpec#privileged()} and its capabilities decide).
 */
public record ProcessSpec(List<String> args, List<String> env, String cwd, int uid, int gid,
                          List<Integer> additionalGids, boolean terminal, boolean stdin, boolean privileged) {
    public ProcessSpec {
        args = List.copyOf(args);
        env = List.copyOf(env);
        additionalGids = List.copyOf(additionalGids);
        if (args.isEmpty()) {
            throw new io.launcher.api.InvalidSpecException("no command specified");
        }
        if (cwd == null || !cwd.startsWith("/")) {
            throw new io.launcher.api.InvalidSpecException("the working directory '" + cwd + "' is invalid, it needs to be an absolute path");
        }
    }

    /** A process without {@code --privileged}: the form callers written before it use. */
    public ProcessSpec(List<String> args, List<String> env, String cwd, int uid, int gid,
                       List<Integer> additionalGids, boolean terminal, boolean stdin) {
        this(args, env, cwd, uid, gid, additionalGids, terminal, stdin, false);
    }
}
