package io.launcher.engine;

import io.launcher.api.LogCursor;
import io.launcher.api.LogEntry;
import io.launcher.api.StdStream;
import io.launcher.spi.isolation.ExecProcess;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * An exec's stdout and stderr as one cursor. A thread per stream reads as the process writes
 * (a bounded queue keeps a slow reader's back-pressure); the cursor ends once both streams are
 * done and the exit is recorded, so an inspect after the end sees the code. Closing it keeps
 * draining the streams, so a detached process never blocks on a full pipe.
 */
final class ExecOutput implements LogCursor {
    private static final LogEntry END = new LogEntry(StdStream.STDOUT, Instant.EPOCH, new byte[0]);

    private final ExecEntry exec;
    private final ExecProcess process;
    private final BlockingQueue<LogEntry> queue = new ArrayBlockingQueue<>(64);
    private volatile boolean discarding;
    private int ends;

    ExecOutput(ExecEntry exec, ExecProcess process) {
        this.exec = exec;
        this.process = process;
        pump(process.stdout(), StdStream.STDOUT);
        pump(process.stderr(), StdStream.STDERR);
    }

    private void pump(InputStream in, StdStream stream) {
        Thread thread = new Thread(() -> copy(in, stream), "exec-" + stream.name().toLowerCase(java.util.Locale.ROOT));
        thread.setDaemon(true);
        thread.start();
    }

    private void copy(InputStream in, StdStream stream) {
        byte[] buffer = new byte[16 * 1024];
        try (in) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                if (n > 0) {
                    byte[] data = new byte[n];
                    System.arraycopy(buffer, 0, data, 0, n);
                    offer(new LogEntry(stream, Instant.now(), data));
                }
            }
        } catch (IOException e) {
            // the process's end of the pipe is gone: its output ends here
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            try {
                offer(END);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void offer(LogEntry entry) throws InterruptedException {
        while (!discarding) {
            if (queue.offer(entry, 100, TimeUnit.MILLISECONDS)) {
                return;
            }
        }
    }

    @Override
    public Optional<LogEntry> next() throws IOException, InterruptedException {
        while (ends < 2) {
            LogEntry entry = queue.take();
            if (entry != END) {
                return Optional.of(entry);
            }
            ends++;
        }
        try {
            exec.ended(process.exit().get());
        } catch (ExecutionException e) {
            exec.ended(255);
        }
        return Optional.empty();
    }

    @Override
    public void close() {
        discarding = true;
        queue.clear();
    }
}
