package io.launcher.backend.linux;

import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Pipes and SCM_RIGHTS, which the JDK offers neither of: {@link #pipe()} makes a pipe whose ends
 * are plain descriptors, {@link #send} passes descriptors with one message over a UNIX socket (the
 * spawner's exec.sock). The structures are laid out for LP64 Linux (x86_64, aarch64), where
 * msghdr, iovec and cmsghdr have the same offsets. A socket path longer than sockaddr_un holds
 * is reached as {@link SocketPath} reaches it.
 */
final class RightsSender {
    private static final int AF_UNIX = 1;
    private static final int SOCK_STREAM = 1;
    private static final int SOL_SOCKET = 1;
    private static final int SCM_RIGHTS = 1;
    private static final int MSG_NOSIGNAL = 0x4000;
    private static final int O_CLOEXEC = 02000000;
    private static final int EINTR = 4;
    private static final int CMSG_HEADER = 16;

    /** The libc calls behind pipes and descriptor passing. */
    interface LibC extends Library {
        int pipe2(int[] fds, int flags);

        int socket(int domain, int type, int protocol);

        int connect(int fd, Pointer address, int length);

        long sendmsg(int fd, Pointer message, int flags);

        int close(int fd);
    }

    private static final class Holder {
        static final LibC LIBC = Native.load("c", LibC.class);
    }

    /** A connect that failed: the spawner is not listening (any more). */
    static final class NotListening extends IOException {
        private static final long serialVersionUID = 1L;

        NotListening(String message) {
            super(message);
        }
    }

    private RightsSender() {
    }

    /** A pipe, both ends close-on-exec: {read, write}. */
    static int[] pipe() throws IOException {
        int[] fds = new int[2];
        if (Holder.LIBC.pipe2(fds, O_CLOEXEC) < 0) {
            throw new IOException("unable to create pipe: errno " + Native.getLastError());
        }
        return fds;
    }

    static void close(int fd) {
        if (fd >= 0) {
            Holder.LIBC.close(fd);
        }
    }

    /** Connects to {@code socket}, writes {@code message} carrying {@code fds}, and closes. */
    static void send(Path socket, byte[] message, int[] fds) throws IOException {
        int fd = Holder.LIBC.socket(AF_UNIX, SOCK_STREAM | O_CLOEXEC, 0);
        if (fd < 0) {
            throw new IOException("unable to create socket: errno " + Native.getLastError());
        }
        try {
            connect(fd, socket);
            sendAll(fd, message, fds);
        } finally {
            Holder.LIBC.close(fd);
        }
    }

    private static void connect(int fd, Path socket) throws IOException {
        SocketPath.Reachable reachable;
        try {
            reachable = SocketPath.reach(socket);
        } catch (IOException e) {
            throw new NotListening(e.getMessage());
        }
        try (reachable) {
            byte[] path = reachable.address().getBytes(StandardCharsets.UTF_8);
            Memory address = new Memory(110);
            address.clear();
            address.setShort(0, (short) AF_UNIX);
            address.write(2, path, 0, path.length);
            if (Holder.LIBC.connect(fd, address, 2 + path.length + 1) < 0) {
                throw new NotListening("unable to connect to " + socket + ": errno " + Native.getLastError());
            }
        }
    }

    /** The descriptors ride on the first byte; a short write sends the rest without them. */
    private static void sendAll(int fd, byte[] message, int[] fds) throws IOException {
        Memory data = new Memory(message.length);
        data.write(0, message, 0, message.length);
        Memory control = new Memory(CMSG_HEADER + align(4L * fds.length));
        control.clear();
        control.setLong(0, CMSG_HEADER + 4L * fds.length);
        control.setInt(8, SOL_SOCKET);
        control.setInt(12, SCM_RIGHTS);
        control.write(CMSG_HEADER, fds, 0, fds.length);
        Memory iov = new Memory(16);
        Memory header = new Memory(56);
        long sent = 0;
        while (sent < message.length) {
            iov.setPointer(0, data.share(sent));
            iov.setLong(8, message.length - sent);
            header.clear();
            header.setPointer(16, iov);
            header.setLong(24, 1);
            if (sent == 0) {
                header.setPointer(32, control);
                header.setLong(40, control.size());
            }
            long n = Holder.LIBC.sendmsg(fd, header, MSG_NOSIGNAL);
            if (n < 0 && Native.getLastError() == EINTR) {
                continue;
            }
            if (n <= 0) {
                throw new IOException("unable to send to the spawner: errno " + Native.getLastError());
            }
            sent += n;
        }
    }

    private static long align(long length) {
        return (length + 7) & ~7L;
    }
}
