package io.launcher.engine;

import java.nio.file.Path;
import java.util.Optional;

/**
 * How the daemon was asked to run: the state root, the plugins folder, and the backends the user
 * named ({@code --backend}, {@code --storage}); empty means "the first available by priority".
 */
public record EngineSettings(Path root, Path pluginsDir, Optional<String> isolation, Optional<String> storage) {
}
