package io.launcher.cli;

import io.launcher.api.InvalidSpecException;
import io.launcher.api.RegistryCredentials;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code login}: checks the credentials with the registry (through the engine, as Docker's
 * {@code /auth}) and stores them in the user's config file with mode 0600.
 */
public final class LoginCommand implements Callable<Integer>, CommandDeclaration.Fields {

    final LauncherCommand launcher;

    String username;
    String password;
    boolean passwordStdin;
    String server = "";

    LoginCommand(LauncherCommand launcher) {
        this.launcher = launcher;
    }

    /** How picocli sees {@code login}: its help, flags and operands, bound to these fields. */
    CommandSpec spec() {
        return CommandDeclaration.command(this, "login", "Log in to a registry")
                .option("-u --username", "USER", "Username")
                .option("-p --password", "PASSWORD", "Password")
                .flag("--password-stdin", "Take the password from stdin")
                .help()
                .optionalOperand("0", "SERVER", null)
                .spec();
    }

    @Override
    public void set(String name, Object value) {
        switch (name) {
            case "--username" -> username = (String) value;
            case "--password" -> password = (String) value;
            case "--password-stdin" -> passwordStdin = (Boolean) value;
            case "SERVER" -> server = (String) value;
            default -> throw CommandDeclaration.unknown(name);
        }
    }

    @Override
    public Integer call() throws IOException {
        Session session = launcher.session();
        Console console = System.console();
        if (password != null) {
            session.err().println("WARNING! Using --password via the CLI is insecure. Use --password-stdin.");
        }
        if (passwordStdin) {
            if (username == null) {
                throw new InvalidSpecException("Must provide --username with --password-stdin");
            }
            String line = new BufferedReader(new InputStreamReader(session.in(), StandardCharsets.UTF_8)).readLine();
            password = line == null ? "" : line.strip();
        }
        if (username == null && console != null) {
            username = console.readLine("Username: ");
        }
        if (password == null && console != null) {
            char[] typed = console.readPassword("Password: ");
            password = typed == null ? "" : new String(typed);
        }
        if (username == null || username.isBlank() || password == null || password.isEmpty()) {
            throw new InvalidSpecException("Username and password required");
        }
        RegistryCredentials credentials = new RegistryCredentials(username.strip(), password);
        launcher.engine().login(server, credentials);
        AuthConfigFile config = AuthConfigFile.of(session);
        config.store(server, credentials);
        session.out().println("Login Succeeded");
        return 0;
    }
}
