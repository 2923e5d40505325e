package io.launcher.cli;

import io.launcher.api.ProcessList;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;

/** {@code top CONTAINER [ps OPTIONS]}: the container's processes as the host's ps shows them. */
public final class TopCommand implements Callable<Integer>, CommandDeclaration.Fields {
    /** Docker's top aligns with a wider minimum column than its lists. */
    private static final int MIN_WIDTH = 20;

    final LauncherCommand launcher;

    String container;
    List<String> psOptions = new ArrayList<>();

    TopCommand(LauncherCommand launcher) {
        this.launcher = launcher;
    }

    /** How picocli sees {@code top}: its help, flags and operands, bound to these fields. */
    CommandSpec spec() {
        return CommandDeclaration.command(this, "top", "Display the running processes of a container")
                .synopsis("launcher top CONTAINER [ps OPTIONS]")
                .help()
                .operand("0", "CONTAINER", null)
                .operands("1..*", "0..*", "ps OPTIONS", "Options of ps (default -ef)")
                .spec();
    }

    @Override
    public void set(String name, Object value) {
        switch (name) {
            case "CONTAINER" -> container = (String) value;
            case "ps OPTIONS" -> psOptions = CommandDeclaration.list(value);
            default -> throw CommandDeclaration.unknown(name);
        }
    }

    @Override
    public Integer call() {
        ProcessList list = launcher.engine().top(container, String.join(" ", psOptions));
        List<String> lines = new ArrayList<>();
        lines.add(String.join("\t", list.titles()));
        list.processes().forEach(row -> lines.add(String.join("\t", row)));
        launcher.session().out().print(TabTable.format(lines, MIN_WIDTH));
        launcher.session().out().flush();
        return 0;
    }
}
