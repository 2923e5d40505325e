package io.launcher.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code kill}: sends a signal (KILL unless told) to each container's init. */
@Command(name = "kill", description = "Kill one or more running containers")
public final class KillCommand implements Callable<Integer> {

    @ParentCommand
    LauncherCommand launcher;

    @Option(names = {"-s", "--signal"}, paramLabel = "SIGNAL", description = "Signal to send to the container (default KILL)")
    String signal = "KILL";

    @Option(names = "--help", usageHelp = true, description = "Print usage")
    boolean help;

    @Parameters(arity = "1..*", paramLabel = "CONTAINER")
    List<String> containers;

    @Override
    public Integer call() throws Exception {
        return ContainerBatch.apply(launcher.session(), containers, container -> {
            launcher.engine().kill(container, signal);
            return container;
        });
    }
}
