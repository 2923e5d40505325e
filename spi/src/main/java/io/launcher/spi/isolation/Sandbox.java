package io.launcher.spi.isolation;

import io.launcher.api.ContainerId;
import io.launcher.api.ExitStatus;
import io.launcher.api.UnavailableException;
import java.io.OutputStream;
import java.util.concurrent.CompletableFuture;

/**
 * One container as the isolation backend holds it. Moves: CREATED -> RUNNING (start) ->
 * STOPPED (the init exited); RUNNING <-> PAUSED (pause, resume); delete from CREATED or
 * STOPPED. Any other move is an {@code IllegalTransitionException}.
 */
public interface Sandbox {

    ContainerId id();

    SandboxState state();

    /** The host pid of the container's init, or 0 when it is not running. */
    int pid();

    /** Releases the parked init to run the user's process. */
    void start();

    /** Sends a signal (its Linux number) to the init or to every process of the container. */
    void signal(int signal, SignalTarget target);

    /** Completes when the init has exited, with how the user's process ended. */
    CompletableFuture<ExitStatus> exit();

    /** Removes what the sandbox holds on the host (processes, cgroup, mounts, state files). */
    void delete();

    /**
     * The running process's standard input, for a spec whose process has {@code stdin}; bytes
     * written reach the process (through its terminal when it has one), closing the stream
     * closes its stdin (with a terminal: the terminal's end-of-file character, ^D, is typed, as
     * a user would). One writer at a time; a second open replaces the first, and the replaced
     * stream's close then does nothing to the process. Allowed once created, before start too.
     * Fails with {@code FailedPreconditionException} when the process has no stdin and
     * {@code IllegalTransitionException} when the sandbox is not running.
     */
    OutputStream openStdin();

    /**
     * Sets the size of the process's terminal (the kernel sends it SIGWINCH); ignored when it
     * has none. Allowed once created, before start too.
     */
    void resize(int rows, int columns);

    /**
     * Runs another process inside every namespace and the cgroup of the running sandbox, as
     * {@code docker exec} does, with the sandbox's capabilities and no_new_privs. Its streams go
     * to the caller, not to the container's log; without {@code stdin} its stdin is /dev/null.
     * It ends (killed) when the sandbox does. Fails with {@code IllegalTransitionException}
     * when the sandbox is not running.
     */
    ExecProcess exec(ProcessSpec process);

    /**
     * Freezes every process of the running sandbox (the cgroup freezer), as {@code docker pause}
     * does; returns once they are frozen. Signals sent meanwhile wait for {@link #resume()}.
     * Fails with {@code IllegalTransitionException} unless RUNNING, and with
     * {@code UnavailableException} on a backend that cannot freeze.
     */
    default void pause() {
        throw new UnavailableException("pause is not supported by this isolation backend");
    }

    /** Thaws a paused sandbox; fails with {@code IllegalTransitionException} unless PAUSED. */
    default void resume() {
        throw new UnavailableException("unpause is not supported by this isolation backend");
    }
}
