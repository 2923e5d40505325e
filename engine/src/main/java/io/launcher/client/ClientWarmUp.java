package io.launcher.client;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.nio.channels.SocketChannel;

/**
 * Readies what the first request needs on a background thread while the CLI parses its command
 * line, so that on a second core it runs beside picocli instead of before the request. The JDK's
 * UNIX-socket code seeds a {@code SecureRandom} on first use (loading the security providers:
 * ~15 ms of a short call's CPU on JDK 17, in the class initializer of
 * {@code sun.nio.ch.UnixDomainSockets}); jackson-core's factory, generator and parser take ~3 ms
 * more the first time.
 */
public final class ClientWarmUp implements Runnable {
    private ClientWarmUp() {
    }

    /** Starts the warm-up; the caller never waits for it (a daemon thread, dropped at exit). */
    public static void start() {
        Thread thread = new Thread(new ClientWarmUp(), "launcher-client-warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void run() {
        try {
            SocketChannel.open(StandardProtocolFamily.UNIX).close();
        } catch (IOException | UnsupportedOperationException ignored) {
            // nothing was readied: the first real connection does it, and reports what fails
        }
        ClientJson.warmUp();
    }
}
