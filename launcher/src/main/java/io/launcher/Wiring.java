package io.launcher;

import io.launcher.api.UnavailableException;
import io.launcher.cli.DaemonRunner;
import io.launcher.cli.EngineConnector;

/**
 * The one place where the CLI meets the real engine: the client that talks to (or starts) a
 * daemon over its socket, and the daemon itself. The CLI sees only these two seams.
 */
final class Wiring {
    private Wiring() {
    }

    /** Connects to the engine on the socket, starting a daemon in the background when none answers. */
    static EngineConnector engineConnector() {
        return settings -> {
            throw new UnavailableException("cannot connect to the engine at unix://" + settings.socket()
                    + ": this build has no engine client wired in");
        };
    }

    /** Runs the engine in the foreground. */
    static DaemonRunner daemonRunner() {
        return settings -> {
            throw new UnavailableException("cannot run the engine: this build has no daemon wired in");
        };
    }
}
