package io.launcher.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;

/** {@code rename}: gives a container a new name; prints nothing, as Docker. */
public final class RenameCommand implements Callable<Integer> {

    final LauncherCommand launcher;

    String container;
    String newName;

    RenameCommand(LauncherCommand launcher) {
        this.launcher = launcher;
    }

    /** How picocli sees {@code rename}: its help, flags and operands, bound to these fields. */
    CommandSpec spec() {
        return CommandDeclaration.command(this, "rename", "Rename a container")
                .help()
                .operand("0", "CONTAINER", null, v -> container = v)
                .operand("1", "NEW_NAME", null, v -> newName = v)
                .spec();
    }

    @Override
    public Integer call() {
        launcher.engine().rename(container, newName);
        return 0;
    }
}
