package io.launcher.backend.lxc;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;
import io.launcher.api.SystemCallFailedException;
import java.nio.charset.StandardCharsets;

/**
 * The handshake with the parked start-host hook. The hook holds the fifo open read-write before
 * it publishes init.pid, so once init.pid exists a writer's open succeeds at once and what it
 * writes stays in the pipe until the hook reads it. The writer opens with O_NONBLOCK: when the
 * hook is gone (the container failed or was aborted), open fails with ENXIO instead of blocking
 * the engine forever; the JDK cannot open a fifo that way.
 */
final class StartFifo {
    static final String START = "start";
    static final String ABORT = "abort";
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

    private StartFifo() {
    }

    /** Sends the verdict; false when no hook is waiting any more. */
    static boolean send(ContainerDir dir, String verdict) {
        int fd;
        try {
            fd = Holder.LIBC.open(dir.startFifo().toString(), O_WRONLY | O_NONBLOCK | O_CLOEXEC);
        } catch (LastErrorException e) {
            if (e.getErrorCode() == ENXIO || e.getErrorCode() == ENOENT) {
                return false;
            }
            throw new SystemCallFailedException("open", dir.startFifo().toString(), "errno " + e.getErrorCode(), e);
        }
        try {
            byte[] line = (verdict + "\n").getBytes(StandardCharsets.US_ASCII);
            Holder.LIBC.write(fd, line, line.length);
            return true;
        } catch (LastErrorException e) {
            throw new SystemCallFailedException("write to", dir.startFifo().toString(), "errno " + e.getErrorCode(), e);
        } finally {
            Holder.LIBC.close(fd);
        }
    }
}
