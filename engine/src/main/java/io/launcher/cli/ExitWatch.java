package io.launcher.cli;

import io.launcher.api.Engine;
import io.launcher.api.InternalException;
import io.launcher.api.LauncherException;
import io.launcher.api.WaitCondition;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * A wait on a container asked for before it starts, as the docker CLI does for {@code run --rm}:
 * a container that removes itself may be gone by the time its output ends, so the engine must
 * already know that someone waits for its exit code ({@link Engine#awaitLater} returns once the
 * wait is registered).
 */
final class ExitWatch {
    private final CompletableFuture<Integer> status;

    private ExitWatch(CompletableFuture<Integer> status) {
        this.status = status;
    }

    static ExitWatch begin(Engine engine, String container, WaitCondition condition) {
        try {
            return new ExitWatch(engine.awaitLater(container, condition));
        } catch (LauncherException failed) {
            // Reported where the exit code is asked for, as a wait that fails later is.
            return new ExitWatch(CompletableFuture.failedFuture(failed));
        }
    }

    /** The container's exit code, once the condition holds. */
    int exitCode() throws InterruptedException {
        try {
            return status.get();
        } catch (ExecutionException failed) {
            Throwable cause = failed.getCause();
            if (cause instanceof LauncherException fault) {
                throw fault;
            }
            if (cause instanceof InterruptedException interrupted) {
                throw interrupted;
            }
            throw new InternalException("unable to wait for the container: " + cause.getMessage(), cause);
        }
    }
}
