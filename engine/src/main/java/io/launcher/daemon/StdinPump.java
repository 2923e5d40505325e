package io.launcher.daemon;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.CompletableFuture;

/**
 * Copies a hijacked connection's input to a process's stdin on a thread of its own. At the end
 * of the input (docker-java never half-closes: that is the connection closing) stdin is closed;
 * after ctrl-p ctrl-q it is left open and the client is detached. The result says which.
 */
final class StdinPump {
    enum End { EOF, DETACHED, FAILED }

    private StdinPump() {
    }

    static CompletableFuture<End> start(InputStream in, OutputStream stdin, String name) {
        CompletableFuture<End> done = new CompletableFuture<>();
        Thread thread = new Thread(() -> done.complete(copy(in, stdin)), name);
        thread.setDaemon(true);
        thread.start();
        return done;
    }

    private static End copy(InputStream in, OutputStream stdin) {
        DetachKeys keys = new DetachKeys();
        byte[] buffer = new byte[8192];
        try {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                if (keys.copy(buffer, 0, n, stdin)) {
                    return End.DETACHED;
                }
            }
        } catch (IOException e) {
            // the client went away or the process's stdin is gone: either way the input ends
        }
        try {
            stdin.close();
            return End.EOF;
        } catch (IOException e) {
            return End.FAILED;
        }
    }
}
