package io.launcher.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code rm}: removes containers, killing running ones first with {@code -f}. */
@Command(name = "rm", description = "Remove one or more containers")
public final class RmCommand implements Callable<Integer> {

    @ParentCommand
    LauncherCommand launcher;

    @Option(names = {"-f", "--force"}, description = "Force the removal of a running container (uses SIGKILL)")
    boolean force;

    /** Accepted for Docker's sake: containers have no anonymous volumes yet, so there is nothing more to remove. */
    @Option(names = {"-v", "--volumes"}, description = "Remove anonymous volumes associated with the container")
    boolean volumes;

    @Option(names = "--help", usageHelp = true, description = "Print usage")
    boolean help;

    @Parameters(arity = "1..*", paramLabel = "CONTAINER")
    List<String> containers;

    @Override
    public Integer call() throws Exception {
        return ContainerBatch.apply(launcher.session(), containers, container -> {
            launcher.engine().remove(container, force);
            return container;
        });
    }
}
