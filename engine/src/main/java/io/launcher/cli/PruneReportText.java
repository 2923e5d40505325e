package io.launcher.cli;

import io.launcher.api.PruneReport;
import java.io.PrintStream;
import java.util.Locale;

/** What the prune commands print of a report, in the docker CLI's layout. */
final class PruneReportText {

    private PruneReportText() {
    }

    /** "Deleted Containers:", one id a line and a blank line; nothing when none was deleted. */
    static void containers(PrintStream out, PruneReport report) {
        if (!report.containersDeleted().isEmpty()) {
            out.println("Deleted Containers:");
            report.containersDeleted().forEach(out::println);
            out.println();
        }
    }

    /**
     * "Deleted Images:", one line an untag or deletion and a blank line; nothing when none was.
     * The docker CLI prints the kind in lower case: "untagged: x", "deleted: sha256:...".
     */
    static void images(PrintStream out, PruneReport report) {
        if (!report.imagesDeleted().isEmpty()) {
            out.println("Deleted Images:");
            report.imagesDeleted().forEach(deletion -> {
                String text = deletion.toString();
                int colon = text.indexOf(':');
                out.println(text.substring(0, colon).toLowerCase(Locale.ROOT) + text.substring(colon));
            });
            out.println();
        }
    }
}
