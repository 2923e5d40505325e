package io.launcher.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * What one invocation of the CLI runs in: its streams, environment, clock, the distribution's
 * home, and the two seams to the engine (connect to one, or be one).
 */
public final class Session {
    private final EngineConnector connector;
    private final DaemonRunner daemonRunner;
    private final Map<String, String> environment;
    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;
    private final Path home;
    private final Clock clock;

    public Session(EngineConnector connector, DaemonRunner daemonRunner, Map<String, String> environment,
                   InputStream in, PrintStream out, PrintStream err, Path home, Clock clock) {
        this.connector = connector;
        this.daemonRunner = daemonRunner;
        this.environment = Map.copyOf(environment);
        this.in = in;
        this.out = out;
        this.err = err;
        this.home = home;
        this.clock = clock;
    }

    EngineConnector connector() {
        return connector;
    }

    DaemonRunner daemonRunner() {
        return daemonRunner;
    }

    /** A variable of the environment, empty when unset or set to the empty string. */
    Optional<String> variable(String name) {
        String value = environment.get(name);
        return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    InputStream in() {
        return in;
    }

    PrintStream out() {
        return out;
    }

    PrintStream err() {
        return err;
    }

    Path home() {
        return home;
    }

    Clock clock() {
        return clock;
    }
}
