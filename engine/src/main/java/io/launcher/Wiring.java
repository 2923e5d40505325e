package io.launcher;

import io.launcher.cli.DaemonRunner;
import io.launcher.cli.EngineConnector;
import io.launcher.client.RemoteEngine;
import io.launcher.client.ClientWarmUp;
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
        ClientWarmUp.start();
        return settings -> RemoteEngine.connectOrStart(settings.socket(), settings.root(), settings.home(),
                List.of());
    }

    /** Runs the engine in the foreground. */
    static DaemonRunner daemonRunner() {
        return DaemonProcess::run;
    }
}
