package io.launcher.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.launcher.api.EventFilter;
import io.launcher.api.EventStream;
import io.launcher.api.ExecSession;
import io.launcher.api.LogCursor;
import io.launcher.api.LogOptions;
import io.launcher.daemon.DockerJson;
import io.launcher.daemon.JsonTrees;
import io.launcher.http.Headers;
import io.launcher.http.HttpResponse;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Instant;

/**
 * The engine's streaming calls over the socket: logs, attach, exec and events each hold a
 * connection of their own (hijacked where Docker upgrades it) for as long as the stream lasts.
 */
final class RemoteStreams {
    private final Path socket;

    RemoteStreams(Path socket) {
        this.socket = socket;
    }

    /** Without a TTY the daemon stamps each frame, which gives the entries their times back. */
    LogCursor logs(String container, boolean tty, LogOptions options) {
        ApiTarget target = ApiTarget.of("containers", container, "logs")
                .param("stdout", options.stdout())
                .param("stderr", options.stderr())
                .param("follow", options.follow())
                .param("tail", options.tail() < 0 ? "all" : Integer.toString(options.tail()))
                .param("timestamps", !tty && options.times());
        if (options.since() != null && options.since().isAfter(Instant.EPOCH)) {
            target.param("since", options.since().getEpochSecond() + "." + String.format("%09d", options.since().getNano()));
        }
        EngineConnection call = EngineConnection.open(socket);
        try {
            HttpResponse response = call.send("GET", target, null, new Headers());
            return cursor(call, response, !tty && options.times());
        } catch (RuntimeException e) {
            call.close();
            throw e;
        }
    }

    LogCursor attach(String container, boolean stdout, boolean stderr) {
        ApiTarget target = ApiTarget.of("containers", container, "attach")
                .param("stream", true).param("stdout", stdout).param("stderr", stderr);
        EngineConnection call = EngineConnection.open(socket);
        try {
            HttpResponse response = call.send("POST", target, null, Headers.of("Connection", "Upgrade", "Upgrade", "tcp"));
            return cursor(call, response, false);
        } catch (RuntimeException e) {
            call.close();
            throw e;
        }
    }

    /** A connection of its own, hijacked for stdin alone; closing it is the end of the input. */
    OutputStream attachStdin(String container) {
        ApiTarget target = ApiTarget.of("containers", container, "attach").param("stream", true).param("stdin", true);
        Hijack hijack = hijack(target, null);
        return new RawInput(hijack.call().rawOutput(), hijack.call()::close);
    }

    /** Stdin and output share the hijacked connection: closing stdin half-closes it. */
    ExecSession startExec(String execId) {
        JsonNode body = DockerJson.object().put("Detach", false).put("Tty", false);
        Hijack hijack = hijack(ApiTarget.of("exec", execId, "start"), body);
        EngineConnection call = hijack.call();
        OutputStream stdin = new RawInput(call.rawOutput(), call::shutdownOutput);
        LogCursor output = cursor(call, hijack.response(), false);
        return new ExecSession() {

                    public OutputStream stdin() {
                return stdin;
            }

                    public LogCursor output() {
                return output;
            }

                    public void close() {
                call.close();
            }
        };
    }

    private record Hijack(EngineConnection call, HttpResponse response) {
    }

    private Hijack hijack(ApiTarget target, JsonNode body) {
        EngineConnection call = EngineConnection.open(socket);
        try {
            return new Hijack(call, call.send("POST", target, body, Headers.of("Connection", "Upgrade", "Upgrade", "tcp")));
        } catch (RuntimeException e) {
            call.close();
            throw e;
        }
    }

    EventStream events(EventFilter filter) {
        ApiTarget target = ApiTarget.of("events");
        filter.since().ifPresent(t -> target.param("since", unix(t)));
        filter.until().ifPresent(t -> target.param("until", unix(t)));
        if (!filter.filters().isEmpty()) {
            ObjectNode filters = DockerJson.object();
            filter.filters().forEach((name, values) -> filters.set(name, DockerJson.array(values)));
            target.param("filters", JsonTrees.text(filters));
        }
        EngineConnection call = EngineConnection.open(socket);
        try {
            HttpResponse response = call.send("GET", target, null, new Headers());
            return new RemoteEventStream(call, response.body());
        } catch (RuntimeException e) {
            call.close();
            throw e;
        }
    }

    private static String unix(Instant time) {
        return time.getEpochSecond() + "." + String.format("%09d", time.getNano());
    }

    private static LogCursor cursor(EngineConnection call, HttpResponse response, boolean timestamps) {
        boolean framed = response.headers().first("Content-Type").orElse("").contains("multiplexed");
        return framed ? new FrameLogCursor(call, response.body(), timestamps) : new RawLogCursor(call, response.body());
    }
}
