package io.launcher.cli;

import io.launcher.api.Engine;
import picocli.CommandLine.Model.CommandSpec;

/** {@code unpause}: thaws each paused container. */
public final class UnpauseCommand extends EachContainerCommand {

    UnpauseCommand(LauncherCommand launcher) {
        super(launcher);
    }

    /** How picocli sees {@code unpause}: its help and operands, bound to these fields. */
    CommandSpec spec() {
        return containers(CommandDeclaration.command(this, "unpause", "Unpause all processes within one or more containers"))
                .spec();
    }

    @Override
    String act(Engine engine, String container) {
        engine.unpause(container);
        return container;
    }
}
