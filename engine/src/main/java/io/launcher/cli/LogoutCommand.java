package io.launcher.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;

/** {@code logout}: forgets the stored credentials of a registry (Docker Hub when none is named). */
public final class LogoutCommand implements Callable<Integer>, CommandDeclaration.Fields {

    final LauncherCommand launcher;

    String server = "";

    LogoutCommand(LauncherCommand launcher) {
        this.launcher = launcher;
    }

    /** How picocli sees {@code logout}: its help, flags and operands, bound to these fields. */
    CommandSpec spec() {
        return CommandDeclaration.command(this, "logout", "Log out from a registry")
                .help()
                .optionalOperand("0", "SERVER", null)
                .spec();
    }

    @Override
    public void set(String name, Object value) {
        switch (name) {
            case "SERVER" -> server = (String) value;
            default -> throw CommandDeclaration.unknown(name);
        }
    }

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
