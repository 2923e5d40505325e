package io.launcher.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * Docker's prune prompt: without {@code -f} ask on the terminal ({@code [y/N]}); with no terminal
 * refuse in one line rather than block on or misread a piped stdin.
 */
final class PruneConfirmation {
    private PruneConfirmation() {
    }

    static boolean confirmed(Session session, boolean force, String warning) {
        if (force) {
            return true;
        }
        if (!HostTerminal.isTerminal()) {
            session.err().println("refusing to prune without a terminal to confirm: use -f");
            return false;
        }
        session.out().print(warning + "\nAre you sure you want to continue? [y/N] ");
        session.out().flush();
        try {
            String answer = new BufferedReader(new InputStreamReader(session.in(), StandardCharsets.UTF_8)).readLine();
            return answer != null && (answer.strip().equalsIgnoreCase("y") || answer.strip().equalsIgnoreCase("yes"));
        } catch (IOException e) {
            return false;
        }
    }
}
