package io.launcher.backend.linux;

import com.sun.jna.Library;
import com.sun.jna.Native;

/** kill(2), which the JDK offers only as SIGTERM and SIGKILL. */
final class Signals {

    interface LibC extends Library {
        int kill(int pid, int signal);
    }

    private static final class Holder {
        static final LibC LIBC = Native.load("c", LibC.class);
    }

    private Signals() {
    }

    /** Sends a signal; a process that is already gone is not an error worth reporting. */
    static void send(int pid, int signal) {
        Holder.LIBC.kill(pid, signal);
    }
}
