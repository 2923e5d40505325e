package io.launcher.cli;

import io.launcher.api.ProcessList;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code top CONTAINER [ps OPTIONS]}: the container's processes as the host's ps shows them. */
@Command(name = "top", description = "Display the running processes of a container",
        customSynopsis = "launcher top CONTAINER [ps OPTIONS]")
public final class TopCommand implements Callable<Integer> {
    /** Docker's top aligns with a wider minimum column than its lists. */
    private static final int MIN_WIDTH = 20;

    @ParentCommand
    LauncherCommand launcher;

    @Option(names = "--help", usageHelp = true, description = "Print usage")
    boolean help;

    @Parameters(index = "0", paramLabel = "CONTAINER")
    String container;

    @Parameters(index = "1..*", arity = "0..*", paramLabel = "ps OPTIONS", description = "Options of ps (default -ef)")
    List<String> psOptions = new ArrayList<>();

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
