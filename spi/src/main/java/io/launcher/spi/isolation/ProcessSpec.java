package io.launcher.spi.isolation;

import java.util.List;

/**
 * The process a sandbox runs: argv (argv[0] looked up in the container's PATH when it has no
 * slash), environment as {@code KEY=value}, working directory, numeric user and groups (the
 * engine resolves names from the image), whether it gets a terminal and an open stdin.
 */
public record ProcessSpec(List<String> args, List<String> env, String cwd, int uid, int gid,
                          List<Integer> additionalGids, boolean terminal, boolean stdin) {
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
}
