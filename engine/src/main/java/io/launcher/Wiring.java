package io.launcher;

import io.launcher.api.Engine;
import io.launcher.cli.CliSettings;
import io.launcher.cli.DaemonRunner;
import io.launcher.cli.DaemonSettings;
import io.launcher.cli.EngineConnector;
import io.launcher.client.ClientWarmUp;
import io.launcher.client.RemoteEngine;
import java.util.List;

/**
 * The one place where the CLI meets the real engine: the client that talks to (or starts) a
 * daemon over its socket, and the daemon itself. The CLI sees only these two seams.
 * <p>
 * The seams are small classes, not lambdas: a JVM's first lambda sets up the method-handle
 * machinery (~4 ms of CPU), and here, before the command line is parsed, that would be on the
 * main thread; the warm-up thread's socket code (which uses lambdas inside the JDK) sets it up on
 * the second core meanwhile.
 */
final class Wiring {
    private Wiring() {
    }

    /**
     * Connects to the engine on the socket, starting a daemon in the background when none answers;
     * the client's code warms up meanwhile.
     */
    static EngineConnector engineConnector() {
        ClientWarmUp.start();
        return new RemoteConnector();
    }

    /** Runs the engine in the foreground. */
    static DaemonRunner daemonRunner() {
        return new ForegroundDaemon();
    }

    private static final class RemoteConnector implements EngineConnector {
        @Override
        public Engine connect(CliSettings settings) {
            return RemoteEngine.connectOrStart(settings.socket(), settings.root(), settings.home(), List.of());
        }
    }

    private static final class ForegroundDaemon implements DaemonRunner {
        @Override
        public int run(DaemonSettings settings) {
            return DaemonProcess.run(settings);
        }
    }
}
