package io.launcher.cli;

import io.launcher.api.PruneReport;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;

/** {@code container prune}: removes every stopped container, after confirmation. */
public final class ContainerPruneCommand implements Callable<Integer>, CommandDeclaration.Fields {

    final ContainerCommand parent;

    boolean force;

    ContainerPruneCommand(ContainerCommand parent) {
        this.parent = parent;
    }

    /** How picocli sees {@code prune}: its help, flags and operands, bound to these fields. */
    CommandSpec spec() {
        return CommandDeclaration.command(this, "prune", "Remove all stopped containers")
                .flag("-f --force", "Do not prompt for confirmation")
                .help()
                .spec();
    }

    @Override
    public void set(String name, Object value) {
        switch (name) {
            case "--force" -> force = (Boolean) value;
            default -> throw CommandDeclaration.unknown(name);
        }
    }

    @Override
    public Integer call() {
        Session session = parent.launcher.session();
        if (!PruneConfirmation.confirmed(session, force, "WARNING! This will remove all stopped containers.")) {
            return Cli.ENGINE_FAILED;
        }
        PruneReport report = parent.launcher.engine().pruneContainers();
        PruneReportText.containers(session.out(), report);
        session.out().println("Total reclaimed space: " + HumanSize.decimal(report.spaceReclaimed()));
        return 0;
    }
}
