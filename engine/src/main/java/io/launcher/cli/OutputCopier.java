package io.launcher.cli;

import io.launcher.api.LogCursor;
import io.launcher.api.LogEntry;
import io.launcher.api.StdStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

/**
 * Copies a container's output to the client's stdout and stderr as it arrives. Output is
 * buffered while the cursor has more at hand and flushed before it waits, so millions of lines
 * cost a few large writes while a prompt still shows at once; a switch of stream flushes the other
 * one first, keeping stdout and stderr in the order they were written.
 */
final class OutputCopier {
    private static final int BUFFER_SIZE = 1 << 16;

    private final OutputStream out;
    private final OutputStream err;
    private final boolean timestamps;
    private OutputStream last;

    OutputCopier(PrintStream out, PrintStream err, boolean timestamps) {
        this.out = new BufferedOutputStream(out, BUFFER_SIZE);
        this.err = new BufferedOutputStream(err, BUFFER_SIZE);
        this.timestamps = timestamps;
    }

    /** Copies until the cursor ends (the process exited, or the stored log is read); closes it. */
    void copy(LogCursor cursor) throws IOException, InterruptedException {
        try (cursor) {
            Optional<LogEntry> entry;
            while ((entry = cursor.next()).isPresent()) {
                write(entry.get());
                if (!cursor.ready()) {
                    last.flush();
                }
            }
        } finally {
            out.flush();
            err.flush();
        }
    }

    private void write(LogEntry entry) throws IOException {
        OutputStream target = entry.stream() == StdStream.STDERR ? err : out;
        if (last != null && last != target) {
            last.flush();
        }
        last = target;
        if (timestamps) {
            target.write(stamp(entry.time()));
        }
        target.write(entry.data());
    }

    /** Docker's {@code -t}: RFC 3339 with nanoseconds, then a space. */
    private static byte[] stamp(Instant time) {
        return (time.toString() + " ").getBytes(StandardCharsets.UTF_8);
    }
}
