package io.launcher.spi.isolation;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.CompletableFuture;

/**
 * A process started by {@link Sandbox#exec(ProcessSpec)}. With a terminal, everything it prints
 * arrives on {@link #stdout()} and {@link #stderr()} is empty.
 */
public interface ExecProcess {

    /** The host pid of the process (or of the helper that runs it). */
    int pid();

    OutputStream stdin();

    InputStream stdout();

    InputStream stderr();

    void resize(int rows, int columns);

    /** Completes with the exit code (128+N after signal N); 126 or 127 when it could not be run. */
    CompletableFuture<Integer> exit();
}
