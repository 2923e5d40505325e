package io.launcher.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import io.launcher.http.Headers;
import io.launcher.http.HttpExchange;
import io.launcher.http.Query;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** One routed API call: the exchange, the path parameters, the API version the client asked for. */
record ApiRequest(HttpExchange exchange, List<String> params, String version) {

    String param(int index) {
        return params.get(index);
    }

    Query query() {
        return exchange.query();
    }

    /** The body as JSON; an empty body reads as an empty object. */
    JsonNode jsonBody() throws IOException {
        byte[] bytes = exchange.body().readAllBytes();
        if (bytes.length == 0) {
            return DockerJson.object();
        }
        JsonNode node = DockerMapper.MAPPER.readTree(bytes);
        return node == null || node.isNull() ? DockerJson.object() : node;
    }

    void json(int status, JsonNode body) throws IOException {
        byte[] bytes = DockerMapper.MAPPER.writeValueAsBytes(body);
        byte[] line = new byte[bytes.length + 1];
        System.arraycopy(bytes, 0, line, 0, bytes.length);
        line[bytes.length] = '\n';
        exchange.respond(status, Headers.of("Content-Type", "application/json"), line);
    }

    void text(int status, String text) throws IOException {
        exchange.respond(status, Headers.of("Content-Type", "text/plain; charset=utf-8"),
                text.getBytes(StandardCharsets.UTF_8));
    }

    void noContent(int status) throws IOException {
        exchange.respond(status, new Headers(), new byte[0]);
    }

    OutputStream stream(String contentType) throws IOException {
        return exchange.stream(200, Headers.of("Content-Type", contentType));
    }

    /** The content type of a log or attach stream: framed without a TTY since API 1.42. */
    String streamType(boolean tty) {
        return !tty && ApiVersions.atLeast(version, "1.42")
                ? "application/vnd.docker.multiplexed-stream"
                : "application/vnd.docker.raw-stream";
    }
}
