package io.launcher.cli;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.util.Optional;

/**
 * The user's terminal on fd 0 and 1 through libc (JNA): whether it is one, its size, and raw
 * mode. Raw mode is undone by the returned handle and, should the JVM be ended by a signal,
 * by a shutdown hook, so the user's shell never inherits a terminal without echo.
 */
final class HostTerminal {
    private static final int STDIN = 0;
    private static final int STDOUT = 1;
    private static final long TIOCGWINSZ = 0x5413;
    private static final int TCSANOW = 0;
    /** Larger than Linux's struct termios (60 bytes on x86_64 and arm64): it is only handed back to libc. */
    private static final int TERMIOS_SIZE = 128;

    /** The libc calls used; kept as opaque byte buffers so no Structure needs reflective access. */
    public interface LibC extends Library {
        int isatty(int fd);

        int tcgetattr(int fd, byte[] termios);

        int tcsetattr(int fd, int actions, byte[] termios);

        void cfmakeraw(byte[] termios);

        int ioctl(int fd, long request, short[] winsize);
    }

    private static LibC libc;

    private HostTerminal() {
    }

    private static synchronized LibC libc() {
        if (libc == null) {
            libc = Native.load("c", LibC.class);
        }
        return libc;
    }

    static boolean isTerminal() {
        try {
            return libc().isatty(STDIN) == 1;
        } catch (UnsatisfiedLinkError e) {
            return false;
        }
    }

    /** Rows and columns of the terminal on stdout (else stdin), empty when neither is one. */
    static Optional<int[]> size() {
        for (int fd : new int[] {STDOUT, STDIN}) {
            short[] winsize = new short[4];
            if (libc().ioctl(fd, TIOCGWINSZ, winsize) == 0 && winsize[0] > 0) {
                return Optional.of(new int[] {winsize[0] & 0xffff, winsize[1] & 0xffff});
            }
        }
        return Optional.empty();
    }

    /** Puts stdin's terminal in raw mode; closing the handle restores it (once). */
    static AutoCloseable raw() {
        byte[] saved = new byte[TERMIOS_SIZE];
        if (libc().tcgetattr(STDIN, saved) != 0) {
            return () -> { };
        }
        byte[] raw = saved.clone();
        libc().cfmakeraw(raw);
        Thread hook = new Thread(() -> libc().tcsetattr(STDIN, TCSANOW, saved), "terminal-restore");
        Runtime.getRuntime().addShutdownHook(hook);
        libc().tcsetattr(STDIN, TCSANOW, raw);
        return new AutoCloseable() {
            private boolean restored;

            @Override
            public synchronized void close() {
                if (!restored) {
                    restored = true;
                    libc().tcsetattr(STDIN, TCSANOW, saved);
                    try {
                        Runtime.getRuntime().removeShutdownHook(hook);
                    } catch (IllegalStateException e) {
                        // the JVM is already exiting: the hook restores it as well
                    }
                }
            }
        };
    }

    /** Calls {@code onChange} on every SIGWINCH (the user resized the window). */
    static void onResize(Runnable onChange) {
        sun.misc.Signal.handle(new sun.misc.Signal("WINCH"), signal -> onChange.run());
    }
}
