package io.launcher.cli;

import io.launcher.api.Engine;
import picocli.CommandLine.Model.CommandSpec;

/** {@code kill}: sends a signal (KILL unless told) to each container's init. */
public final class KillCommand extends EachContainerCommand {

    String signal = "KILL";

    KillCommand(LauncherCommand launcher) {
        super(launcher);
    }

    /** How picocli sees {@code kill}: its help, flags and operands, bound to these fields. */
    CommandSpec spec() {
        return CommandDeclaration.command(this, "kill", "Kill one or more running containers")
                .with(this::containers)
                .option("-s --signal", "SIGNAL", "Signal to send to the container (default KILL)", v -> signal = v)
                .spec();
    }

    @Override
    String act(Engine engine, String container) {
        engine.kill(container, signal);
        return container;
    }
}
