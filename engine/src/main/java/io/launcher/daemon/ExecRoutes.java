package io.launcher.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import io.launcher.api.Engine;
import io.launcher.api.ExecDetails;
import io.launcher.api.ExecSession;
import io.launcher.api.LogCursor;
import io.launcher.http.Headers;
import io.launcher.http.Hijacked;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;

/**
 * {@code docker exec}: create (201 with the id), start, inspect, resize. Start takes the
 * connection over like attach: {@code 101} when asked for {@code Upgrade: tcp}, else a
 * {@code 200} whose body is the stream until the connection closes (docker-java's plain POST).
 */
final class ExecRoutes {
    private final Engine engine;

    ExecRoutes(Engine engine) {
        this.engine = engine;
    }

    List<Route> routes() {
        return List.of(
                Route.of("POST", "/containers/([^/]+)/exec", this::create),
                Route.of("POST", "/exec/([^/]+)/start", this::start),
                Route.of("POST", "/exec/([^/]+)/resize", this::resize),
                Route.of("GET", "/exec/([^/]+)/json", this::inspect));
    }

    private void create(ApiRequest request) throws IOException {
        String id = engine.createExec(request.param(0), ExecJson.readConfig(request.jsonBody()));
        request.json(201, DockerJson.object().put("Id", id));
    }

    private void start(ApiRequest request) throws IOException, InterruptedException {
        JsonNode body = request.jsonBody();
        ExecDetails exec = engine.inspectExec(request.param(0));
        ExecSession session = engine.startExec(request.param(0));
        if (DockerJson.bool(body, "Detach")) {
            session.close();
            request.noContent(200);
            return;
        }
        boolean tty = exec.config().tty();
        boolean upgrade = request.exchange().requestHeaders().first("Upgrade").isPresent();
        Headers headers = Headers.of("Content-Type", request.streamType(tty));
        if (!upgrade) {
            // The body runs to the close: say so, since it carries neither length nor chunks.
            headers.set("Connection", "close");
        }
        try (session; Hijacked connection = request.exchange().hijack(headers)) {
            if (exec.config().attachStdin()) {
                StdinPump.start(connection.in(), session.stdin(), "exec-stdin");
            } else {
                drain(connection.in());
            }
            copy(session.output(), new LogFrames(connection.out(), !tty, false), exec);
            connection.shutdownOutput();
        }
    }

    private static void copy(LogCursor output, LogFrames frames, ExecDetails exec) throws IOException, InterruptedException {
        for (var entry = output.next(); entry.isPresent(); entry = output.next()) {
            boolean wanted = switch (entry.get().stream()) {
                case STDERR -> exec.config().attachStderr();
                default -> exec.config().attachStdout();
            };
            if (wanted) {
                frames.write(entry.get());
                frames.flush();
            }
        }
        frames.flush();
    }

    private void inspect(ApiRequest request) throws IOException {
        request.json(200, ExecJson.writeDetails(engine.inspectExec(request.param(0))));
    }

    private void resize(ApiRequest request) throws IOException {
        engine.resizeExec(request.param(0), TerminalSize.rows(request), TerminalSize.columns(request));
        request.text(200, "");
    }

    private static void drain(InputStream in) {
        Thread thread = new Thread(() -> {
            try {
                in.transferTo(OutputStream.nullOutputStream());
            } catch (IOException e) {
                // the connection closed: nothing more to drop
            }
        }, "exec-drain");
        thread.setDaemon(true);
        thread.start();
    }
}
