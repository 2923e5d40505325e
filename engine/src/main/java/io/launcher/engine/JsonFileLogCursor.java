package io.launcher.engine;

import io.launcher.api.LogCursor;
import io.launcher.api.LogEntry;
import io.launcher.api.StdStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Reads a Docker json-file log ({@code {"log":..,"stream":..,"time":..}} a line) across its
 * rotated files, oldest first, optionally following it until {@code ended} says the writer is
 * done. Following goes on across a rotation: once the file being read is no longer the live one,
 * its rest is read and then the files that replaced it. A file truncated in place (one file kept)
 * is read again from its start. Only whole lines are parsed, so a line being written is picked
 * up on the next read.
 */
final class JsonFileLogCursor implements LogCursor {
    private static final long POLL_MILLIS = 5;
    private static final int READ_SIZE = 1 << 18;

    private final LogFileSet files;
    private final Deque<LogFileSet.Segment> queued;
    private final boolean stdout;
    private final boolean stderr;
    private final Instant since;
    private final BooleanSupplier ended;
    private final JsonFileLine decoder = new JsonFileLine();
    private LogFileSet.Segment current;
    private long position;
    private byte[] pending = new byte[READ_SIZE * 2];
    private int pendingStart;
    private int pendingEnd;
    private LogEntry peeked;

    JsonFileLogCursor(LogFileSet files, List<LogFileSet.Segment> segments, boolean stdout, boolean stderr, Instant since,
                      BooleanSupplier ended) {
        this.files = files;
        this.queued = new ArrayDeque<>(segments);
        this.stdout = stdout;
        this.stderr = stderr;
        this.since = since;
        this.ended = ended;
        advanceSegment();
    }

    @Override
    public Optional<LogEntry> next() throws IOException, InterruptedException {
        if (peeked != null) {
            LogEntry entry = peeked;
            peeked = null;
            return Optional.of(entry);
        }
        while (true) {
            boolean done = ended.getAsBoolean();
            LogEntry entry = read();
            if (entry != null) {
                return Optional.of(entry);
            }
            if (done) {
                return Optional.empty();
            }
            Thread.sleep(POLL_MILLIS);
        }
    }

    /** True when an entry is already on disk: {@link #next()} returns it without waiting. */
    @Override
    public boolean ready() throws IOException {
        if (peeked == null) {
            peeked = read();
        }
        return peeked != null;
    }

    /** The next entry that is on disk now, or null. */
    private LogEntry read() throws IOException {
        while (current != null) {
            int newline = newline();
            if (newline >= 0) {
                int start = pendingStart;
                pendingStart = newline + 1;
                LogEntry entry = decoder.decode(pending, start, newline - start);
                if (entry != null && wanted(entry)) {
                    return entry;
                }
                continue;
            }
            if (fill() == 0 && !nextFile()) {
                return null;
            }
        }
        return null;
    }

    private boolean wanted(LogEntry entry) {
        return (entry.stream() == StdStream.STDERR ? stderr : stdout) && !entry.time().isBefore(since);
    }

    private int newline() {
        for (int i = pendingStart; i < pendingEnd; i++) {
            if (pending[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private int fill() throws IOException {
        int remaining = pendingEnd - pendingStart;
        if (pending.length - remaining < READ_SIZE) {
            pending = Arrays.copyOf(pending, Math.max(pending.length * 2, remaining + READ_SIZE));
        }
        System.arraycopy(pending, pendingStart, pending, 0, remaining);
        pendingStart = 0;
        pendingEnd = remaining;
        int n = current.channel().read(ByteBuffer.wrap(pending, pendingEnd, pending.length - pendingEnd), position);
        if (n <= 0) {
            return 0;
        }
        position += n;
        pendingEnd += n;
        return n;
    }

    /** At the end of the current file: moves to the next one, if there is one now. */
    private boolean nextFile() throws IOException {
        if (queued.isEmpty()) {
            FileChannel channel = current.channel();
            if (channel.size() < position) {
                position = 0;
                pendingStart = pendingEnd;
                return true;
            }
            queued.addAll(files.successors(current.key()));
            if (queued.isEmpty()) {
                return false;
            }
            // the monitor writes a file's last lines before it renames it: they may have come since
            if (fill() > 0) {
                return true;
            }
        }
        closeCurrent();
        advanceSegment();
        return current != null;
    }

    private void advanceSegment() {
        current = queued.poll();
        position = current == null ? 0 : current.start();
        // a file ends with a whole line; anything else left of the last one is not part of the next
        pendingStart = pendingEnd;
    }

    private void closeCurrent() {
        if (current == null) {
            return;
        }
        try {
            current.channel().close();
        } catch (IOException ignored) {
            // nothing was written through this channel
        }
    }

    @Override
    public void close() {
        closeCurrent();
        queued.forEach(s -> {
            try {
                s.channel().close();
            } catch (IOException ignored) {
                // nothing was written through this channel
            }
        });
        queued.clear();
    }
}
