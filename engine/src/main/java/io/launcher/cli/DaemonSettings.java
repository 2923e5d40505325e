package io.launcher.cli;

import io.launcher.engine.MinFreeSpace;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What {@code launcher daemon} was asked for. {@code storage} is empty when the engine should
 * choose (AUFS where the kernel has it, else overlay); {@code insecureRegistries} are reached over
 * plain HTTP; {@code minFreeSpace} is what the state root's filesystem keeps free.
 */
public record DaemonSettings(Path root, Path socket, Path home, String backend, Optional<String> storage, Path plugins,
                             List<String> insecureRegistries, MinFreeSpace minFreeSpace) {
    public DaemonSettings {
        insecureRegistries = List.copyOf(insecureRegistries);
    }

    public DaemonSettings(Path root, Path socket, Path home, String backend, Optional<String> storage, Path plugins,
                          List<String> insecureRegistries) {
        this(root, socket, home, backend, storage, plugins, insecureRegistries, MinFreeSpace.DEFAULT);
    }

    public DaemonSettings(Path root, Path socket, Path home, String backend, Optional<String> storage, Path plugins) {
        this(root, socket, home, backend, storage, plugins, List.of());
    }
}
