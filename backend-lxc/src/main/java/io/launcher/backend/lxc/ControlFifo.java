package io.launcher.backend.lxc;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;
import io.launcher.api.SystemCallFailedException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * One line to a shell that waits on a fifo: the verdict to the parked start-host hook ("start"
 * or "abort"), the close of stdin to the supervisor's stdin keeper. The reader holds its fifo
 * open read-write before anyone may write (the hook before it publishes init.pid), so a
 * writer's open succeeds at once and the line stays in the pipe until it is read. The writer
 * opens with O_NONBLOCK: when the reader is gone (the container failed or ended), open fails
 * with ENXIO instead of blocking the engine forever; the JDK cannot open a fifo that way.
 */
final class ControlFifo {
    static final String START = "start";
    static final String ABORT = "abort";
    static final String CLOSE = "close";
    private static final int O_WRONLY = 1;
    private static final int O_NONBLOCK = 04000;
    private static final int O_CLOEXEC = 02000000;
    private static final int ENXIO = 6;
    private static final int ENOENT = 2;

    interface LibC extends Library {
        int open(String path, int flags) throws LastErrorException;

        long write(int fd, byte[] buffer, long count) throws LastErrorException;

        int close(int fd) throws LastErrorException;
    }

    private static final class Holder {
        static final LibC LIBC = Native.load("c", LibC.class);
    }

    private ControlFifo() {
    }

    /** Sends the line; false when nobody is waiting on the fifo any more. */
    static boolean send(Path fifo, String verdict) {
        int fd;
        try {
            fd = Holder.LIBC.open(fifo.toString(), O_WRONLY | O_NONBLOCK | O_CLOEXEC);
        } catch (LastErrorException e) {
            if (e.getErrorCode() == ENXIO || e.getErrorCode() == ENOENT) {
                return false;
            }
            throw new SystemCallFailedException("open", fifo.toString(), "errno " + e.getErrorCode(), e);
        }
        try {
            byte[] line = (verdict + "\n").getBytes(StandardCharsets.US_ASCII);
            Holder.LIBC.write(fd, line, line.length);
            return true;
        } catch (LastErrorException e) {
            throw new SystemCallFailedException("write to", fifo.toString(), "errno " + e.getErrorCode(), e);
        } finally {
            Holder.LIBC.close(fd);
        }
    }
}
