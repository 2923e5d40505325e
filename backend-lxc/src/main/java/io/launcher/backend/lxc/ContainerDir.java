package io.launcher.backend.lxc;

import java.nio.file.Path;

/**
 * The files of one container under {@code <stateDir>/containers/<id>}, which is also LXC's
 * container directory ({@code -P <stateDir>/containers -n <id>}). Written by create (config,
 * hook, supervise), by the start (supervisor.pid), by LXC's start-host hook (init.pid) and by
 * the supervisor when the container ends (exit): a restarted engine reads its state from them.
 */
record ContainerDir(Path path) {

    Path lxcPath() {
        return path.getParent();
    }

    String name() {
        return path.getFileName().toString();
    }

    /**
     * The lock file LXC keeps per container under its runtime path when run as root
     * ({@code /run/lxc/lock/<lxcpath>/.<name>}); LXC never removes it, so delete does.
     */
    Path lxcLock() {
        return Path.of("/run/lxc/lock", lxcPath().toString(), "." + name());
    }

    Path config() {
        return path.resolve("config");
    }

    /** LXC's seccomp profile of the container (SeccompPolicy); absent with seccomp=unconfined. */
    Path seccomp() {
        return path.resolve("seccomp");
    }

    Path hook() {
        return path.resolve("hook");
    }

    Path supervise() {
        return path.resolve("supervise");
    }

    /** The empty directory LXC binds as the root; the pre-mount hook mounts the layers on it. */
    Path rootfs() {
        return path.resolve("rootfs");
    }

    Path lxcLog() {
        return path.resolve("lxc.log");
    }

    /** What the hook printed; its last line explains a failed pre-mount or mount. */
    Path hookLog() {
        return path.resolve("hook.log");
    }

    Path supervisorLog() {
        return path.resolve("supervise.log");
    }

    /** {@code <pid> <start time in ms>} of the supervisor: the start time guards against pid reuse. */
    Path supervisorPid() {
        return path.resolve("supervisor.pid");
    }

    /** The host pid of the container's init (lxc's init, pid 1 inside), written by the start-host hook. */
    Path initPid() {
        return path.resolve("init.pid");
    }

    /** Two lines, the exit code and the message, when the mount hook found no command to run. */
    Path execError() {
        return path.resolve("exec-error");
    }

    /** The fifo the parked start-host hook reads its verdict from: "start" or "abort". */
    Path startFifo() {
        return path.resolve("start.fifo");
    }

    /** The container's stdin, when its process has one: the supervisor's stdin keeper holds a writer. */
    Path stdinFifo() {
        return path.resolve("stdin.fifo");
    }

    /** "close" here makes the keeper let go of stdin, so the process reads end-of-file. */
    Path stdinCloseFifo() {
        return path.resolve("stdin-close.fifo");
    }

    /** Written by start before it releases the init: from then on the sandbox is RUNNING. */
    Path started() {
        return path.resolve("started");
    }

    /** The number of OOM kills in the container's memory cgroup, written by the stop hook. */
    Path oom() {
        return path.resolve("oom");
    }

    /** The exit code, written by the supervisor after lxc-execute returned. */
    Path exit() {
        return path.resolve("exit");
    }

    /** Present while the container is frozen (pause): its processes are in LXC's freezer cgroup. */
    Path paused() {
        return path.resolve("paused");
    }
}
