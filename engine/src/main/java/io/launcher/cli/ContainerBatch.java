package io.launcher.cli;

import io.launcher.api.LauncherException;
import java.util.List;

/**
 * Docker's way with several containers ({@code stop a b c}): act on each in turn, print what the
 * action returns, report each failure on its own line, and exit 1 if any failed.
 */
final class ContainerBatch {

    /** One container's action; returns the line to print. */
    @FunctionalInterface
    interface Action {
        String apply(String container) throws InterruptedException;
    }

    private ContainerBatch() {
    }

    static int apply(Session session, List<String> containers, Action action) throws InterruptedException {
        int exitCode = 0;
        for (String container : containers) {
            try {
                session.out().println(action.apply(container));
            } catch (LauncherException failure) {
                session.err().println(Cli.describe(failure));
                exitCode = Cli.ENGINE_FAILED;
            }
        }
        return exitCode;
    }
}
