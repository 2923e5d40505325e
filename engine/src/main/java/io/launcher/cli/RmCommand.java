package io.launcher.cli;

import io.launcher.api.Engine;
import picocli.CommandLine.Model.CommandSpec;

/** {@code rm}: removes containers, killing running ones first with {@code -f}. */
public final class RmCommand extends EachContainerCommand {

    boolean force;

    /** Accepted for Docker's sake: containers have no anonymous volumes yet, so there is nothing more to remove. */
    boolean volumes;

    RmCommand(LauncherCommand launcher) {
        super(launcher);
    }

    /** How picocli sees {@code rm}: its help, flags and operands, bound to these fields. */
    CommandSpec spec() {
        return containers(CommandDeclaration.command(this, "rm", "Remove one or more containers"))
                .flag("-f --force", "Force the removal of a running container (uses SIGKILL)")
                .flag("-v --volumes", "Remove anonymous volumes associated with the container")
                .spec();
    }

    @Override
    public void set(String name, Object value) {
        switch (name) {
            case "--force" -> force = (Boolean) value;
            case "--volumes" -> volumes = (Boolean) value;
            default -> super.set(name, value);
        }
    }

    @Override
    String act(Engine engine, String container) {
        engine.remove(container, force);
        return container;
    }
}
