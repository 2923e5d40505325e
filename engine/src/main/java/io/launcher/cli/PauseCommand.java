package io.launcher.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code pause}: freezes every process of each container (the cgroup freezer). */
@Command(name = "pause", description = "Pause all processes within one or more containers")
public final class PauseCommand implements Callable<Integer> {

    @ParentCommand
    LauncherCommand launcher;

    @Option(names = "--help", usageHelp = true, description = "Print usage")
    boolean help;

    @Parameters(arity = "1..*", paramLabel = "CONTAINER")
    List<String> containers;

    @Override
    public Integer call() throws Exception {
        return ContainerBatch.apply(launcher.session(), containers, container -> {
            launcher.engine().pause(container);
            return container;
        });
    }
}
