package io.launcher.engine;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * How the daemon was asked to run: the state root, the plugins folder, and the backends the user
 * named ({@code --backend}, {@code --storage}); empty means "the first available by priority";
 * the registries to reach over plain HTTP ({@code --insecure-registry}); the free space the
 * state root's filesystem keeps ({@code --min-free-space}).
 */
public record EngineSettings(Path root, Path pluginsDir, Optional<String> isolation, Optional<String> storage,
                             List<String> insecureRegistries, MinFreeSpace minFreeSpace) {
    public EngineSettings {
        insecureRegistries = List.copyOf(insecureRegistries);
    }

    /** Settings with the default reserve of free space. */
    public EngineSettings(Path root, Path pluginsDir, Optional<String> isolation, Optional<String> storage,
                          List<String> insecureRegistries) {
        this(root, pluginsDir, isolation, storage, insecureRegistries, MinFreeSpace.DEFAULT);
    }

    /** Settings without {@code --insecure-registry} hosts (loopback registries are plain HTTP anyway). */
    public EngineSettings(Path root, Path pluginsDir, Optional<String> isolation, Optional<String> storage) {
        this(root, pluginsDir, isolation, storage, List.of());
    }
}
