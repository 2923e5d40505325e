package io.launcher.client;

import io.launcher.api.LogCursor;
import io.launcher.api.LogEntry;
import io.launcher.api.StdStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.ClosedByInterruptException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

/** Reads a TTY container's raw stream: one entry per read, all on stdout, stamped on arrival. */
final class RawLogCursor implements LogCursor {
    private final Closeable connection;
    private final InputStream in;
    private final byte[] buffer = new byte[8192];

    RawLogCursor(Closeable connection, InputStream in) {
        this.connection = connection;
        this.in = in;
    }

    @Override
    public Optional<LogEntry> next() throws IOException, InterruptedException {
        try {
            int n = in.read(buffer);
            return n < 0 ? Optional.empty()
                    : Optional.of(new LogEntry(StdStream.STDOUT, Instant.now(), Arrays.copyOf(buffer, n)));
        } catch (ClosedByInterruptException e) {
            throw new InterruptedException("interrupted while reading the container's output");
        }
    }

    /** Bytes already received: the next read returns them at once. */
    @Override
    public boolean ready() throws IOException {
        return in.available() > 0;
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (IOException e) {
            // the stream is abandoned either way
        }
    }
}
