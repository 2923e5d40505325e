package io.launcher.cli;

import io.launcher.api.Engine;
import picocli.CommandLine.Model.CommandSpec;

/** {@code stop}: SIGTERM, then SIGKILL after the grace period. */
public final class StopCommand extends EachContainerCommand {

    int seconds = 10;

    StopCommand(LauncherCommand launcher) {
        super(launcher);
    }

    /** How picocli sees {@code stop}: its help, flags and operands, bound to these fields. */
    CommandSpec spec() {
        return containers(CommandDeclaration.command(this, "stop", "Stop one or more running containers"))
                .option("-t --time --timeout", "SECONDS", "Seconds to wait before killing it (default 10)", int.class)
                .spec();
    }

    @Override
    public void set(String name, Object value) {
        switch (name) {
            case "--timeout" -> seconds = (Integer) value;
            default -> super.set(name, value);
        }
    }

    @Override
    String act(Engine engine, String container) {
        engine.stop(container, seconds);
        return container;
    }
}
