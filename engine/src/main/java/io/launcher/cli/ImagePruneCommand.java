package io.launcher.cli;

import io.launcher.api.ImageDeletion;
import io.launcher.api.PruneReport;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code image prune}: removes dangling images (or with {@code -a} every unused one), after confirmation. */
@Command(name = "prune", description = "Remove unused images")
public final class ImagePruneCommand implements Callable<Integer> {

    @ParentCommand
    ImageCommand parent;

    @Option(names = {"-a", "--all"}, description = "Remove all unused images, not just dangling ones")
    boolean all;

    @Option(names = {"-f", "--force"}, description = "Do not prompt for confirmation")
    boolean force;

    @Option(names = "--help", usageHelp = true, description = "Print usage")
    boolean help;

    @Override
    public Integer call() {
        Session session = parent.launcher.session();
        String warning = all ? "WARNING! This will remove all images without at least one container associated to them."
                : "WARNING! This will remove all dangling images.";
        if (!PruneConfirmation.confirmed(session, force, warning)) {
            return Cli.ENGINE_FAILED;
        }
        PruneReport report = parent.launcher.engine().pruneImages(all);
        if (!report.imagesDeleted().isEmpty()) {
            session.out().println("Deleted Images:");
            for (ImageDeletion d : report.imagesDeleted()) {
                // docker prints the prune list in lower case: "untagged: x", "deleted: sha256:..."
                String text = d.toString();
                int colon = text.indexOf(':');
                session.out().println(text.substring(0, colon).toLowerCase(Locale.ROOT) + text.substring(colon));
            }
            session.out().println();
        }
        session.out().println("Total reclaimed space: " + HumanSize.decimal(report.spaceReclaimed()));
        return 0;
    }
}
