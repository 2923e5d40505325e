package io.launcher;

import io.launcher.cli.Cli;
import io.launcher.cli.Session;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.CodeSource;
import java.time.Clock;

/** The entry point of {@code bin/launcher}: one CLI invocation, one exit code. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        if (Boolean.getBoolean("launcher.rehearse")) {
            rehearse();
        }
        int code;
        try {
            Session session = new Session(Wiring.engineConnector(), Wiring.daemonRunner(), System.getenv(),
                    System.in, System.out, System.err, home(), Clock.systemUTC());
            code = Cli.execute(session, args);
        } catch (RuntimeException | LinkageError | StackOverflowError problem) {
            // The last line of defence of "never a stack trace": one line, and a failure code.
            System.err.println("launcher: " + problem);
            code = 1;
        }
        System.out.flush();
        System.exit(code);
    }

    /** bin/launcher's class-data archive run: load what calls load, touch nothing, print nothing. */
    private static void rehearse() {
        int code = 0;
        try {
            Rehearsal.run(home());
        } catch (IOException | RuntimeException failed) {
            System.err.println("launcher: rehearsal failed: " + failed.getMessage());
            code = 1;
        }
        System.exit(code);
    }

    /**
     * The distribution's folder: {@code -Dlauncher.home} as bin/launcher sets it, else the parent of
     * the {@code lib/} holding this jar, else the working directory.
     */
    static Path home() {
        String property = System.getProperty("launcher.home");
        if (property != null && !property.isEmpty()) {
            return Path.of(property).toAbsolutePath().normalize();
        }
        CodeSource source = Main.class.getProtectionDomain().getCodeSource();
        try {
            if (source != null && source.getLocation().getPath().endsWith(".jar")) {
                Path jar = Path.of(source.getLocation().toURI());
                if (jar.getParent() != null && jar.getParent().getParent() != null) {
                    return jar.getParent().getParent();
                }
            }
        } catch (URISyntaxException | IllegalArgumentException unusual) {
            // A code source that is no file path: fall back to the working directory.
        }
        return Path.of("").toAbsolutePath();
    }
}
