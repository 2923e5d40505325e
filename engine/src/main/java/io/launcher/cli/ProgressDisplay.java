package io.launcher.cli;

import io.launcher.api.ProgressListener;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Shows a pull's or push's progress as Docker does: on a terminal one line per layer, rewritten
 * in place with a bar ({@code 0123456789ab: Downloading [==>   ] 1.2MB/3.4MB}); otherwise one
 * plain line per change of status, without the byte counts.
 */
final class ProgressDisplay implements ProgressListener {
    private static final int BAR = 50;

    private final PrintStream out;
    private final boolean terminal;
    private final List<String> ids = new ArrayList<>();

    ProgressDisplay(PrintStream out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    /** A terminal display when the output is the process's own and a console is attached. */
    static ProgressDisplay on(Session session) {
        return new ProgressDisplay(session.out(), session.out() == System.out && System.console() != null);
    }

    @Override
    public void progress(String what, long current, long total) {
        item("", what, current, total);
    }

    @Override
    public synchronized void item(String id, String status, long current, long total) {
        if (id.isEmpty()) {
            if (terminal) {
                // A status line takes a row too: later rewrites of a layer's row count it.
                ids.add("");
            }
            out.println(status);
        } else if (!terminal) {
            if (current < 0) {
                out.println(id + ": " + status);
            }
        } else {
            rewrite(id, id + ": " + status + (current >= 0 ? " " + bar(current, total) : ""));
        }
        out.flush();
    }

    private void rewrite(String id, String line) {
        int index = ids.indexOf(id);
        if (index < 0) {
            ids.add(id);
            out.print(line + "\n");
            return;
        }
        int up = ids.size() - index;
        out.print("\033[" + up + "A\r\033[2K" + line + "\r\033[" + up + "B");
    }

    static String bar(long current, long total) {
        String amount = HumanSize.decimal(current) + (total > 0 ? "/" + HumanSize.decimal(total) : "");
        if (total <= 0) {
            return amount;
        }
        int filled = (int) Math.min(BAR, current * BAR / total);
        String arrow = filled < BAR ? ">" + " ".repeat(BAR - filled - 1) : "";
        return "[" + "=".repeat(filled) + arrow + "] " + amount;
    }
}
