package io.launcher.api;

/**
 * How a container's process ended: the code Docker reports (128+N after signal N), the signal if
 * one killed it (0 otherwise), and whether the kernel's OOM killer did.
 */
public record ExitStatus(int code, int signal, boolean oomKilled) {

    public static ExitStatus exited(int code) {
        return new ExitStatus(code, 0, false);
    }

    public static ExitStatus killed(int signal, boolean oomKilled) {
        return new ExitStatus(128 + signal, signal, oomKilled);
    }
}
