package io.launcher.client;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.nio.channels.SocketChannel;

/**
 * Readies the JDK's UNIX-socket code on a background thread while the CLI parses its command line.
 * Its first use seeds a {@code SecureRandom} (loading the security providers: ~10 ms of a short
 * call's CPU on JDK 17, in the class initializer of {@code sun.nio.ch.UnixDomainSockets}); on a
 * second core that runs beside picocli instead of before the first request.
 */
public final class SocketWarmUp implements Runnable {
    private SocketWarmUp() {
    }

    /** Starts the warm-up; the caller never waits for it (a daemon thread, dropped at exit). */
    public static void start() {
        Thread thread = new Thread(new SocketWarmUp(), "launcher-socket-warm-up");
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
    }
}
