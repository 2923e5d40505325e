package io.launcher;

import io.launcher.api.Engine;
import io.launcher.cli.CliSettings;
import io.launcher.cli.DaemonRunner;
import io.launcher.cli.DaemonSettings;
import io.launcher.cli.EngineConnector;
import io.launcher.client.RemoteEngine;
import io.launcher.client.SocketWarmUp;
import java.util.List;

/**
 * The one place where the CLI meets the real engine: the client that talks to (or starts) a
 * daemon over its socket, and the daemon itself. The CLI sees only these two seams.
 */
final class Wiring {
    private Wiring() {
    }

    /**
     * Connects to the engine on the socket, starting a daemon in the background when none answers;
     * the socket code warms up meanwhile.
     */
    static EngineConnector engineConnector() {
        SocketWarmUp.start();
        return new Connector();
    }

    /** Runs the engine in the foreground. */
    static DaemonRunner daemonRunner() {
        return new Daemon();
    }

    /*
     * Classes and not lambdas: a lambda is a call site the JVM links on first use, on every CLI
     * call (~0.3 ms each before the JIT), although the class-data archive holds its class.
     */

    private static final class Connector implements EngineConnector {
        @Override
        public Engine connect(CliSettings settings) {
            return RemoteEngine.connectOrStart(settings.socket(), settings.root(), settings.home(), List.of());
        }
    }

    private static final class Daemon implements DaemonRunner {
        @Override
        public int run(DaemonSettings settings) {
            return DaemonProcess.run(settings);
        }
    }
}
