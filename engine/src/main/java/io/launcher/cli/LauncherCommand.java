package io.launcher.cli;

import io.launcher.api.Engine;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** The top command: global options (where the engine lives) shared by every subcommand. */
public final class LauncherCommand implements Callable<Integer>, CommandDeclaration.Fields {
    static final Path DEFAULT_ROOT = Path.of("/var/lib/launcher");
    static final Path DEFAULT_SOCKET = Path.of("/run/launcher.sock");

    CommandSpec spec;
    Path root;
    String host;

    private final Session session;
    private Engine engine;

    public LauncherCommand(Session session) {
        this.session = session;
    }

    /** How picocli sees {@code launcher}: the global flags; {@link CommandTable} adds the subcommands. */
    CommandSpec spec() {
        spec = CommandDeclaration.command(this, "launcher", "Run processes in isolated containers.")
                .footer("", "Run 'launcher COMMAND --help' for more information on a command.")
                .option("--root", "DIR", "State root (env LAUNCHER_ROOT, default /var/lib/launcher)", Path.class)
                .option("-H --host", "unix:///PATH",
                        "Engine socket (env LAUNCHER_HOST, default /run/launcher.sock or <root>/launcher.sock)")
                .help()
                .version(new LauncherVersion(), "-v --version", "Print version information and quit")
                .spec();
        return spec;
    }

    @Override
    public void set(String name, Object value) {
        switch (name) {
            case "--root" -> root = (Path) value;
            case "--host" -> host = (String) value;
            default -> throw CommandDeclaration.unknown(name);
        }
    }

    Session session() {
        return session;
    }

    /** The engine of these settings, connected on first use (commands that need none never pay for it). */
    Engine engine() {
        if (engine == null) {
            engine = session.connector().connect(settings());
        }
        return engine;
    }

    CliSettings settings() {
        // No Optional.map(Path::of): a method reference is a call site the JVM links on each call.
        String rootVariable = session.variable("LAUNCHER_ROOT").orElse(null);
        Path givenRoot = root != null ? root : rootVariable == null ? null : Path.of(rootVariable);
        Path stateRoot = (givenRoot == null ? DEFAULT_ROOT : givenRoot).toAbsolutePath().normalize();
        String givenHost = host != null ? host : session.variable("LAUNCHER_HOST").orElse(null);
        Path socket;
        if (givenHost != null) {
            socket = socketOf(givenHost);
        } else {
            socket = givenRoot == null ? DEFAULT_SOCKET : stateRoot.resolve("launcher.sock");
        }
        return new CliSettings(stateRoot, socket, session.home());
    }

    /** Parses Docker's {@code -H unix:///path} (a bare absolute path is taken too). */
    Path socketOf(String text) {
        String path = text.startsWith("unix://") ? text.substring("unix://".length()) : text;
        if (!path.startsWith("/")) {
            throw new ParameterException(spec.commandLine(),
                    "invalid host " + text + ": only unix:///absolute/path sockets are served");
        }
        return Path.of(path).normalize();
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(session.out());
        return 0;
    }
}
