package io.launcher.daemon;

import io.launcher.api.ContainerDetails;
import io.launcher.api.Engine;
import io.launcher.api.InvalidSpecException;
import io.launcher.api.LogCursor;
import io.launcher.api.LogEntry;
import io.launcher.api.LogOptions;
import io.launcher.http.Headers;
import io.launcher.http.Hijacked;
import io.launcher.http.Query;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/** A container's output: {@code logs} as a chunked response, {@code attach} on a hijacked connection. */
final class StreamRoutes {
    private final Engine engine;

    StreamRoutes(Engine engine) {
        this.engine = engine;
    }

    List<Route> routes() {
        return List.of(
                Route.of("GET", "/containers/([^/]+)/logs", this::logs),
                Route.of("POST", "/containers/([^/]+)/attach", this::attach));
    }

    private void logs(ApiRequest request) throws IOException, InterruptedException {
        Query query = request.query();
        boolean stdout = query.flag("stdout");
        boolean stderr = query.flag("stderr");
        if (!stdout && !stderr) {
            throw new InvalidSpecException("Bad parameters: you must choose at least one stream");
        }
        boolean follow = query.flag("follow");
        LogOptions options = new LogOptions(stdout, stderr, follow, tail(query.get("tail", "all")),
                DockerTime.parseUnix(query.get("since", "")));
        ContainerDetails container = engine.container(request.param(0));
        boolean tty = container.config().tty();
        try (LogCursor cursor = engine.logs(request.param(0), options)) {
            OutputStream out = request.stream(request.streamType(tty));
            LogFrames frames = new LogFrames(out, !tty, query.flag("timestamps"));
            copy(cursor, frames, follow);
            out.close();
        }
    }

    private static int tail(String text) {
        if (text.isEmpty() || text.equals("all")) {
            return -1;
        }
        try {
            return Math.max(-1, Integer.parseInt(text));
        } catch (NumberFormatException e) {
            throw new InvalidSpecException("invalid value for tail: " + text, e);
        }
    }

    /**
     * Docker's attach: the hijacked connection carries the output (framed without a TTY) until the
     * container's process ends. With {@code stdin=1} on a container with an open stdin, the
     * connection's input goes to it; its end closes stdin ({@code StdinOnce}) or detaches the
     * client, as ctrl-p ctrl-q does.
     */
    private void attach(ApiRequest request) throws IOException, InterruptedException {
        Query query = request.query();
        String id = request.param(0);
        boolean stdout = query.flag("stdout");
        boolean stderr = query.flag("stderr");
        ContainerDetails container = engine.container(id);
        boolean tty = container.config().tty();
        boolean stdin = query.flag("stdin") && container.config().openStdin();
        AtomicBoolean detached = new AtomicBoolean();
        try (LogCursor live = query.flag("stream") ? engine.attach(id, stdout, stderr) : null;
             LogCursor replay = query.flag("logs") && (stdout || stderr)
                     ? engine.logs(id, new LogOptions(stdout, stderr, false, -1, Instant.EPOCH)) : null;
             Hijacked connection = request.exchange().hijack(Headers.of("Content-Type", request.streamType(tty)))) {
            if (stdin) {
                StdinPump.start(connection.in(), engine.attachStdin(id), "attach-stdin").thenAccept(end -> {
                    if (end != StdinPump.End.EOF || !container.config().stdinOnce()) {
                        detached.set(true);
                        closeQuietly(live);
                        closeQuietly(connection);
                    }
                });
            } else {
                drain(connection.in());
            }
            LogFrames frames = new LogFrames(connection.out(), !tty, false);
            try {
                if (replay != null) {
                    copy(replay, frames, false);
                }
                if (live != null) {
                    copy(live, frames, true);
                }
                connection.shutdownOutput();
            } catch (IOException e) {
                if (!detached.get()) {
                    throw e;
                }
            }
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception e) {
            // ending a detached attach: nothing is left to report to
        }
    }

    /** With {@code live}, what was written reaches the client before the cursor waits for more. */
    private static void copy(LogCursor cursor, LogFrames frames, boolean live) throws IOException, InterruptedException {
        for (Optional<LogEntry> entry = cursor.next(); entry.isPresent(); entry = cursor.next()) {
            frames.write(entry.get());
            if (live && !cursor.ready()) {
                frames.flush();
            }
        }
        frames.flush();
    }

    private static void drain(InputStream in) {
        Thread thread = new Thread(() -> {
            try {
                in.transferTo(OutputStream.nullOutputStream());
            } catch (IOException e) {
                // the connection closed: nothing more to drop
            }
        }, "attach-stdin");
        thread.setDaemon(true);
        thread.start();
    }
}
