package io.launcher.cli;

import java.nio.file.Path;

/**
 * Where a client finds its engine: the state root, the engine's socket and the distribution's home
 * (whose {@code bin/launcher} starts a daemon when none answers).
 */
public record CliSettings(Path root, Path socket, Path home) {
}
