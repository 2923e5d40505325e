package io.launcher.cli;

import io.launcher.api.Engine;
import io.launcher.api.InternalException;
import io.launcher.api.LauncherException;
import io.launcher.api.WaitCondition;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * A wait on a container asked for before it starts, as the docker CLI does for {@code run --rm}:
 * a container that removes itself may be gone by the time its output ends, so the engine must
 * already know that someone waits for its exit code.
 */
final class ExitWatch {
    private final FutureTask<Integer> task;

    private ExitWatch(FutureTask<Integer> task) {
        this.task = task;
    }

    static ExitWatch begin(Engine engine, String container, WaitCondition condition) {
        FutureTask<Integer> task = new FutureTask<>(new Await(engine, container, condition));
        Thread waiter = new Thread(task, "launcher-wait");
        // The client may exit without the answer (an interrupted run): never hold the JVM for it.
        waiter.setDaemon(true);
        waiter.start();
        return new ExitWatch(task);
    }

    /** The wait itself, a class and not a lambda: no call site for the JVM to link on each {@code run --rm}. */
    private record Await(Engine engine, String container, WaitCondition condition) implements Callable<Integer> {
        @Override
        public Integer call() throws InterruptedException {
            return engine.await(container, condition);
        }
    }

    /** The container's exit code, once the condition holds. */
    int exitCode() throws InterruptedException {
        try {
            return task.get();
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
