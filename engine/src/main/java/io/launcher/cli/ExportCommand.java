package io.launcher.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;

/** {@code export}: the container's filesystem as a tar, to stdout or a file ({@link TarOutput}). */
public final class ExportCommand implements Callable<Integer>, CommandDeclaration.Fields {

    final LauncherCommand launcher;

    Path output;
    String container;

    ExportCommand(LauncherCommand launcher) {
        this.launcher = launcher;
    }

    /** How picocli sees {@code export}: its help, flags and operands, bound to these fields. */
    CommandSpec spec() {
        return CommandDeclaration.command(this, "export", "Export a container's filesystem as a tar archive")
                .option("-o --output", "FILE", "Write to a file, instead of STDOUT", Path.class)
                .help()
                .operand("0", "CONTAINER", null)
                .spec();
    }

    @Override
    public void set(String name, Object value) {
        switch (name) {
            case "--output" -> output = (Path) value;
            case "CONTAINER" -> container = (String) value;
            default -> throw CommandDeclaration.unknown(name);
        }
    }

    @Override
    public Integer call() throws IOException {
        // No lookup first: the engine answers a wrong name before the tar begins, and TarOutput
        // removes its temporary file, so an extra request (a third of a small export) buys nothing.
        TarOutput.write(launcher.session(), output, out -> launcher.engine().export(container, out));
        return 0;
    }
}
