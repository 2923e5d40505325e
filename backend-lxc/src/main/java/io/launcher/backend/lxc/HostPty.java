package io.launcher.backend.lxc;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;
import io.launcher.api.InvalidSpecException;
import io.launcher.api.SystemCallFailedException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The host pty an LXC tool runs on (see {@link TerminalCommand}), found as the tool's stdin.
 * Its window size: TIOCSWINSZ makes the kernel send the tool SIGWINCH, and LXC copies the size
 * to the container's terminal, whose process gets its own SIGWINCH. Its mode: LXC sets it raw
 * once it proxies the container's terminal, with TCSAFLUSH, which throws away input written
 * before; {@link #raw} tells when input is safe to send.
 */
final class HostPty {
    private static final int O_RDWR = 2;
    private static final int O_NOCTTY = 0400;
    private static final int O_NONBLOCK = 04000;
    private static final int O_CLOEXEC = 02000000;
    private static final long TCGETS = 0x5401;
    private static final long TIOCSWINSZ = 0x5414;
    /** struct termios on Linux: c_iflag, c_oflag, c_cflag, c_lflag, c_line, c_cc[32], speeds. */
    private static final int TERMIOS_SIZE = 60;
    private static final int C_LFLAG = 12;
    private static final int ICANON = 02;
    private static final int ENOENT = 2;
    private static final int EIO = 5;

    interface LibC extends Library {
        int open(String path, int flags) throws LastErrorException;

        int ioctl(int fd, long request, short[] winsize) throws LastErrorException;

        int ioctl(int fd, long request, byte[] termios) throws LastErrorException;

        int close(int fd) throws LastErrorException;
    }

    private static final class Holder {
        static final LibC LIBC = Native.load("c", LibC.class);
    }

    private HostPty() {
    }

    /** The pty that is this process's stdin, if it is one (a process on pipes has none). */
    static Optional<Path> ptyOf(long pid) {
        try {
            Path target = Files.readSymbolicLink(Path.of("/proc", Long.toString(pid), "fd", "0"));
            return target.startsWith("/dev/pts/") ? Optional.of(target) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** True once the pty is out of canonical mode (LXC set it up), or gone (nothing to wait for). */
    static boolean raw(Path pty) {
        int fd = open(pty);
        if (fd < 0) {
            return true;
        }
        try {
            byte[] termios = new byte[TERMIOS_SIZE];
            Holder.LIBC.ioctl(fd, TCGETS, termios);
            int lflag = ByteBuffer.wrap(termios, C_LFLAG, 4).order(ByteOrder.nativeOrder()).getInt();
            return (lflag & ICANON) == 0;
        } catch (LastErrorException e) {
            return true;
        } finally {
            Holder.LIBC.close(fd);
        }
    }

    /** Sets the size; a pty that is already gone (the tool ended) is not an error. */
    static void resize(Path pty, int rows, int columns) {
        if (rows < 0 || columns < 0 || rows > 0xffff || columns > 0xffff) {
            throw new InvalidSpecException("invalid terminal size " + rows + "x" + columns);
        }
        int fd = open(pty);
        if (fd < 0) {
            return;
        }
        try {
            Holder.LIBC.ioctl(fd, TIOCSWINSZ, new short[] {(short) rows, (short) columns, 0, 0});
        } catch (LastErrorException e) {
            if (e.getErrorCode() != EIO) {
                throw new SystemCallFailedException("resize", pty.toString(), "errno " + e.getErrorCode(), e);
            }
        } finally {
            Holder.LIBC.close(fd);
        }
    }

    /** The pty's fd, or -1 when it is gone. O_NOCTTY: never the engine's controlling terminal. */
    private static int open(Path pty) {
        try {
            return Holder.LIBC.open(pty.toString(), O_RDWR | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
        } catch (LastErrorException e) {
            if (e.getErrorCode() == ENOENT || e.getErrorCode() == EIO) {
                return -1;
            }
            throw new SystemCallFailedException("open", pty.toString(), "errno " + e.getErrorCode(), e);
        }
    }
}
