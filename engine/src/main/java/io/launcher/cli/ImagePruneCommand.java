package io.launcher.cli;

import io.launcher.api.PruneReport;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;

/** {@code image prune}: removes dangling images (or with {@code -a} every unused one), after confirmation. */
public final class ImagePruneCommand implements Callable<Integer>, CommandDeclaration.Fields {

    final ImageCommand parent;

    boolean all;
    boolean force;

    ImagePruneCommand(ImageCommand parent) {
        this.parent = parent;
    }

    /** How picocli sees {@code prune}: its help, flags and operands, bound to these fields. */
    CommandSpec spec() {
        return CommandDeclaration.command(this, "prune", "Remove unused images")
                .flag("-a --all", "Remove all unused images, not just dangling ones")
                .flag("-f --force", "Do not prompt for confirmation")
                .help()
                .spec();
    }

    @Override
    public void set(String name, Object value) {
        switch (name) {
            case "--all" -> all = (Boolean) value;
            case "--force" -> force = (Boolean) value;
            default -> throw CommandDeclaration.unknown(name);
        }
    }

    @Override
    public Integer call() {
        Session session = parent.launcher.session();
        String warning = all ? "WARNING! This will remove all images without at least one container associated to them."
                : "WARNING! This will remove all dangling images.";
        if (!PruneConfirmation.confirmed(session, force, warning)) {
            return Cli.ENGINE_FAILED;
        }
        PruneReport report = parent.launcher.engine().pruneImages(all);
        PruneReportText.images(session.out(), report);
        session.out().println("Total reclaimed space: " + HumanSize.decimal(report.spaceReclaimed()));
        return 0;
    }
}
