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
        return containers(CommandDeclaration.command(this, "kill", "Kill one or more running containers"))
                .option("-s --signal", "SIGNAL", "Signal to send to the container (default KILL)")
                .spec();
    }

    @Override
    public void set(String name, Object value) {
        switch (name) {
            case "--signal" -> signal = (String) value;
            default -> super.set(name, value);
        }
    }

    @Override
    String act(Engine engine, String container) {
        engine.kill(container, signal);
        return container;
    }
}
