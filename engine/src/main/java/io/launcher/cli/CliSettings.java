package io.launcher.cli;

import java.nio.file.Path;
import java.util.List;

/**
 * Where a client finds its engine: the state root, the engine's socket and the distribution's home
 * (whose {@code bin/launcher} starts a daemon when none answers).
 */
public record CliSettings(Path root, Path socket, Path home) {

    /**
     * The arguments of a {@code launcher} invocation that runs the daemon this client expects:
     * same root, same socket. The backend and storage choices travel in the environment.
     */
    public List<String> daemonArguments() {
        return List.of("--root", root.toString(), "--host", "unix://" + socket, "daemon");
    }
}
