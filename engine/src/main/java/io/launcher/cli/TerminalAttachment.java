package io.launcher.cli;

import io.launcher.api.LogCursor;
import io.launcher.daemon.DetachKeys;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The user's side of {@code run -it}, {@code attach} and {@code exec -it}: the process's output to
 * the user's stdout and stderr, the user's stdin to the process (its end closes the process's
 * stdin), the user's terminal in raw mode when both ends are terminals, its size sent at once
 * and on every SIGWINCH, and ctrl-p ctrl-q to detach, leaving the process running.
 */
final class TerminalAttachment {
    /** Where a terminal size goes: the container's or the exec's terminal. */
    @FunctionalInterface
    interface Resize {
        void to(int rows, int columns);
    }

    /** The detach sequence, forwarded as well: the engine watches for it too and so leaves stdin open. */
    private static final byte[] DETACH = {0x10, 0x11};

    private final Session session;
    private final boolean tty;
    private volatile boolean detached;

    TerminalAttachment(Session session, boolean tty) {
        this.session = session;
        this.tty = tty;
    }

    /** Copies until the output ends or the user detaches; true when the user detached. */
    boolean run(LogCursor output, OutputStream stdin, Resize resize) throws Exception {
        boolean terminal = tty && session.in() == System.in && HostTerminal.isTerminal();
        AutoCloseable rawMode = terminal && stdin != null ? HostTerminal.raw() : () -> { };
        try (rawMode) {
            if (terminal) {
                sendSize(resize);
                HostTerminal.onResize(() -> sendSize(resize));
            }
            if (stdin != null) {
                pump(session.in(), stdin, output);
            }
            try {
                new OutputCopier(session.out(), session.err(), false).copy(output);
            } catch (IOException e) {
                if (!detached) {
                    throw e;
                }
            }
        }
        return detached;
    }

    private static void sendSize(Resize resize) {
        HostTerminal.size().ifPresent(size -> {
            try {
                resize.to(size[0], size[1]);
            } catch (RuntimeException e) {
                // the process may have ended meanwhile: nothing to size
            }
        });
    }

    private void pump(InputStream in, OutputStream stdin, LogCursor output) {
        Thread thread = new Thread(() -> {
            DetachKeys keys = new DetachKeys();
            byte[] buffer = new byte[4096];
            try {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    if (keys.copy(buffer, 0, n, stdin)) {
                        stdin.write(DETACH);
                        detached = true;
                        output.close();
                        return;
                    }
                }
                stdin.close();
            } catch (IOException e) {
                // the process's stdin is gone (it exited): the output tells the rest
            }
        }, "stdin");
        thread.setDaemon(true);
        thread.start();
    }
}
