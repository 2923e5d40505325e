package io.launcher.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;

/** {@code rename}: gives a container a new name; prints nothing, as Docker. */
public final class RenameCommand implements Callable<Integer>, CommandDeclaration.Fields {

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
                .operand("0", "CONTAINER", null)
                .operand("1", "NEW_NAME", null)
                .spec();
    }

    @Override
    public void set(String name, Object value) {
        switch (name) {
            case "CONTAINER" -> container = (String) value;
            case "NEW_NAME" -> newName = (String) value;
            default -> throw CommandDeclaration.unknown(name);
        }
    }

    @Override
    public Integer call() {
        launcher.engine().rename(container, newName);
        return 0;
    }
}
