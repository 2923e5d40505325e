package io.launcher.cli;

import io.launcher.api.FilesystemChange;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;

/** {@code diff}: the container's filesystem changes, one {@code A|C|D path} a line. */
public final class DiffCommand implements Callable<Integer>, CommandDeclaration.Fields {

    final LauncherCommand launcher;

    String container;

    DiffCommand(LauncherCommand launcher) {
        this.launcher = launcher;
    }

    /** How picocli sees {@code diff}: its help, flags and operands, bound to these fields. */
    CommandSpec spec() {
        return CommandDeclaration.command(this, "diff",
                "Inspect changes to files or directories on a container's filesystem")
                .help()
                .operand("0", "CONTAINER", null)
                .spec();
    }

    @Override
    public void set(String name, Object value) {
        switch (name) {
            case "CONTAINER" -> container = (String) value;
            default -> throw CommandDeclaration.unknown(name);
        }
    }

    @Override
    public Integer call() {
        StringBuilder text = new StringBuilder();
        for (FilesystemChange change : launcher.engine().changes(container)) {
            text.append(change.kind().letter()).append(' ').append(change.path()).append('\n');
        }
        launcher.session().out().print(text);
        launcher.session().out().flush();
        return 0;
    }
}
