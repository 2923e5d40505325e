package io.launcher.cli;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What {@code launcher daemon} was asked for. {@code storage} is empty when the engine should
 * choose (AUFS where the kernel has it, else overlay).
 */
public record DaemonSettings(Path root, Path socket, Path home, String backend, Optional<String> storage, Path plugins) {
}
