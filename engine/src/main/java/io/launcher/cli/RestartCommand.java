package io.launcher.cli;

import io.launcher.api.Engine;
import picocli.CommandLine.Model.CommandSpec;

/** {@code restart}: stop (SIGTERM, then SIGKILL after the grace period), then start again. */
public final class RestartCommand extends EachContainerCommand {

    int seconds = 10;

    RestartCommand(LauncherCommand launcher) {
        super(launcher);
    }

    /** How picocli sees {@code restart}: its help, flags and operands, bound to these fields. */
    CommandSpec spec() {
        return containers(CommandDeclaration.command(this, "restart", "Restart one or more containers"))
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
        engine.restart(container, seconds);
        return container;
    }
}
