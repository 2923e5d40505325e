package io.launcher.cli;

import io.launcher.api.Engine;
import io.launcher.api.LauncherException;

/**
 * Docker's sig-proxy for an attached {@code run}/{@code start -a}: when the client is interrupted
 * (Ctrl-C, SIGTERM), the container's init gets SIGINT instead of being left running unseen. The
 * container lives in its own session, so the terminal's signal never reaches it by itself.
 */
final class SignalProxy implements AutoCloseable {
    private final Thread hook;

    private SignalProxy(Engine engine, String container) {
        // A named Runnable, not a lambda: a lambda's first link costs a run ~0.5 ms of CPU.
        hook = new Thread(new Forward(engine, container), "launcher-sig-proxy");
    }

    static SignalProxy install(Engine engine, String container) {
        SignalProxy proxy = new SignalProxy(engine, container);
        Runtime.getRuntime().addShutdownHook(proxy.hook);
        return proxy;
    }

    private record Forward(Engine engine, String container) implements Runnable {
        @Override
        public void run() {
            try {
                engine.kill(container, "INT");
            } catch (LauncherException gone) {
                // The container ended meanwhile: nothing left to interrupt, and the client is exiting.
            }
        }
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The JVM is already exiting and the hook is running: it does its job.
        }
    }
}
