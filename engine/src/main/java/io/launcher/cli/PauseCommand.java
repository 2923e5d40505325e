package io.launcher.cli;

import io.launcher.api.Engine;
import picocli.CommandLine.Command;

/** {@code pause}: freezes every process of each container (the cgroup freezer). */
@Command(name = "pause", description = "Pause all processes within one or more containers")
public final class PauseCommand extends EachContainerCommand {

    @Override
    String act(Engine engine, String container) {
        engine.pause(container);
        return container;
    }
}
