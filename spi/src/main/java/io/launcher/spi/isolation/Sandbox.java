package io.launcher.spi.isolation;

import io.launcher.api.ContainerId;
import io.launcher.api.ExitStatus;
import java.util.concurrent.CompletableFuture;

/**
 * One container as the isolation backend holds it. Moves: CREATED -> RUNNING (start) ->
 * STOPPED (the init exited); delete from CREATED or STOPPED. Any other move is an
 * {@code IllegalTransitionException}.
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
}
