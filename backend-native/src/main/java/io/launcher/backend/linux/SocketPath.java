package io.launcher.backend.linux;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;

/**
 * Connects to a UNIX socket whatever the length of its path. sockaddr_un holds 107 bytes, less
 * than {@code <stateDir>/containers/<64 hex>/monitor.sock} often needs; a longer path is reached
 * through {@code /proc/self/fd/<n>/<name>} where n is an O_PATH descriptor of its folder.
 */
final class SocketPath {
    private static final int SUN_PATH_MAX = 107;
    private static final int O_PATH = 010000000;
    private static final int O_CLOEXEC = 02000000;

    /** The two libc calls the JDK does not offer for this. */
    interface LibC extends Library {
        int open(String path, int flags);

        int close(int fd);
    }

    private static final class Holder {
        static final LibC LIBC = Native.load("c", LibC.class);
    }

    private SocketPath() {
    }

    static void connect(SocketChannel channel, Path socket) throws IOException {
        try (Reachable reachable = reach(socket)) {
            channel.connect(UnixDomainSocketAddress.of(reachable.address()));
        }
    }

    /**
     * The socket's path as connect(2) takes it: the path itself when it fits, else the
     * {@code /proc/self/fd} path through its folder, valid until {@link Reachable#close}.
     */
    static Reachable reach(Path socket) throws IOException {
        String text = socket.toAbsolutePath().toString();
        if (text.getBytes(StandardCharsets.UTF_8).length <= SUN_PATH_MAX) {
            return new Reachable(text, -1);
        }
        int dir = Holder.LIBC.open(socket.toAbsolutePath().getParent().toString(), O_PATH | O_CLOEXEC);
        if (dir < 0) {
            throw new IOException("unable to open " + socket.getParent() + ": errno " + Native.getLastError());
        }
        return new Reachable("/proc/self/fd/" + dir + "/" + socket.getFileName(), dir);
    }

    /** A connectable address and the folder descriptor it goes through (-1: none). */
    record Reachable(String address, int dir) implements AutoCloseable {
        @Override
        public void close() {
            if (dir >= 0) {
                Holder.LIBC.close(dir);
            }
        }
    }
}
