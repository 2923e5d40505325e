package io.launcher.cli;

import io.launcher.api.Engine;
import picocli.CommandLine.Model.CommandSpec;

/** {@code pause}: freezes every process of each container (the cgroup freezer). */
public final class PauseCommand extends EachContainerCommand {

    PauseCommand(LauncherCommand launcher) {
        super(launcher);
    }

    /** How picocli sees {@code pause}: its help and operands, bound to these fields. */
    CommandSpec spec() {
        return containers(CommandDeclaration.command(this, "pause", "Pause all processes within one or more containers"))
                .spec();
    }

    @Override
    String act(Engine engine, String container) {
        engine.pause(container);
        return container;
    }
}
