package io.launcher.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code logout}: forgets the stored credentials of a registry (Docker Hub when none is named). */
@Command(name = "logout", description = "Log out from a registry")
public final class LogoutCommand implements Callable<Integer> {

    @ParentCommand
    LauncherCommand launcher;

    @Option(names = "--help", usageHelp = true, description = "Print usage")
    boolean help;

    @Parameters(index = "0", arity = "0..1", paramLabel = "SERVER")
    String server = "";

    @Override
    public Integer call() {
        Session session = launcher.session();
        String key = AuthConfigFile.key(server);
        if (AuthConfigFile.of(session).remove(server)) {
            session.out().println("Removing login credentials for " + key);
        } else {
            session.out().println("Not logged in to " + key);
        }
        return 0;
    }
}
