package io.launcher.cli;

import io.launcher.api.LogCursor;
import io.launcher.api.LogEntry;
import io.launcher.api.StdStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

/** Copies a container's output to the client's stdout and stderr as it arrives. */
final class OutputCopier {
    private final PrintStream out;
    private final PrintStream err;
    private final boolean timestamps;

    OutputCopier(PrintStream out, PrintStream err, boolean timestamps) {
        this.out = out;
        this.err = err;
        this.timestamps = timestamps;
    }

    /** Copies until the cursor ends (the process exited, or the stored log is read); closes it. */
    void copy(LogCursor cursor) throws IOException, InterruptedException {
        try (cursor) {
            Optional<LogEntry> entry;
            while ((entry = cursor.next()).isPresent()) {
                write(entry.get());
            }
        }
    }

    private void write(LogEntry entry) {
        PrintStream target = entry.stream() == StdStream.STDERR ? err : out;
        if (timestamps) {
            target.write(stamp(entry.time()), 0, stamp(entry.time()).length);
        }
        target.write(entry.data(), 0, entry.data().length);
        target.flush();
    }

    /** Docker's {@code -t}: RFC 3339 with nanoseconds, then a space. */
    private static byte[] stamp(Instant time) {
        return (time.toString() + " ").getBytes(StandardCharsets.UTF_8);
    }
}
