package io.launcher.cli;

import io.launcher.api.PruneReport;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code container prune}: removes every stopped container, after confirmation. */
@Command(name = "prune", description = "Remove all stopped containers")
public final class ContainerPruneCommand implements Callable<Integer> {

    @ParentCommand
    ContainerCommand parent;

    @Option(names = {"-f", "--force"}, description = "Do not prompt for confirmation")
    boolean force;

    @Option(names = "--help", usageHelp = true, description = "Print usage")
    boolean help;

    @Override
    public Integer call() {
        Session session = parent.launcher.session();
        if (!PruneConfirmation.confirmed(session, force, "WARNING! This will remove all stopped containers.")) {
            return Cli.ENGINE_FAILED;
        }
        PruneReport report = parent.launcher.engine().pruneContainers();
        if (!report.containersDeleted().isEmpty()) {
            session.out().println("Deleted Containers:");
            report.containersDeleted().forEach(session.out()::println);
            session.out().println();
        }
        session.out().println("Total reclaimed space: " + HumanSize.decimal(report.spaceReclaimed()));
        return 0;
    }
}
