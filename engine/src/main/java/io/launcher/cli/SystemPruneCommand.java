package io.launcher.cli;

import io.launcher.api.Engine;
import io.launcher.api.PruneReport;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code system prune}: stopped containers, then dangling images (every unused one with
 * {@code -a}), after confirmation, as Docker's CLI composes the two prunes. The engine has no
 * user networks, volumes or build cache, so the warning does not promise to remove them.
 */
public final class SystemPruneCommand implements Callable<Integer>, CommandDeclaration.Fields {

    final SystemCommand parent;

    boolean all;
    boolean force;

    SystemPruneCommand(SystemCommand parent) {
        this.parent = parent;
    }

    /** How picocli sees {@code prune}: its help, flags and operands, bound to these fields. */
    CommandSpec spec() {
        return CommandDeclaration.command(this, "prune", "Remove unused data")
                .flag("-a --all", "Remove all unused images not just dangling ones")
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

    static String warning(boolean all) {
        return "WARNING! This will remove:\n"
                + "  - all stopped containers\n"
                + (all ? "  - all images without at least one container associated to them\n" : "  - all dangling images\n");
    }

    @Override
    public Integer call() {
        Session session = parent.launcher.session();
        if (!PruneConfirmation.confirmed(session, force, warning(all))) {
            return Cli.ENGINE_FAILED;
        }
        Engine engine = parent.launcher.engine();
        PruneReport containers = engine.pruneContainers();
        PruneReport images = engine.pruneImages(all);
        PrintStream out = session.out();
        PruneReportText.containers(out, containers);
        PruneReportText.images(out, images);
        out.println("Total reclaimed space: " + HumanSize.general(containers.spaceReclaimed() + images.spaceReclaimed()));
        return 0;
    }
}
