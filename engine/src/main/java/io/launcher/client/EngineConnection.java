package io.launcher.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.launcher.api.InternalException;
import io.launcher.api.LauncherException;
import io.launcher.api.UnavailableException;
import io.launcher.daemon.ApiFaults;
import io.launcher.daemon.JsonTrees;
import io.launcher.http.FileBody;
import io.launcher.http.Headers;
import io.launcher.http.HttpClientConnection;
import io.launcher.http.HttpProtocolException;
import io.launcher.http.HttpResponse;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;

/**
 * One call to the engine: opens a connection, sends the request, turns an error response back
 * into the fault the daemon raised. Streaming calls keep the connection until closed.
 */
final class EngineConnection implements Closeable {
    private final Path socket;
    private final HttpClientConnection connection;

    private EngineConnection(Path socket, HttpClientConnection connection) {
        this.socket = socket;
        this.connection = connection;
    }

    static EngineConnection open(Path socket) {
        try {
            return new EngineConnection(socket, HttpClientConnection.open(socket));
        } catch (IOException e) {
            throw unreachable(socket, e);
        }
    }

    static UnavailableException unreachable(Path socket, Exception cause) {
        String reason = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return new UnavailableException("cannot connect to the Launcher engine at unix://" + socket + ": " + reason, cause);
    }

    /** Sends a request (a JSON body when given) and returns a successful response, or throws its fault. */
    HttpResponse send(String method, ApiTarget target, JsonNode body, Headers headers) {
        if (body == null) {
            return send(method, target, new byte[0], headers);
        }
        return send(method, target, JsonTrees.bytes(body), headers.set("Content-Type", "application/json"));
    }

    /** Sends a request whose body is JSON text already written, and returns a successful response. */
    HttpResponse sendJson(String method, ApiTarget target, byte[] json) {
        return send(method, target, json, Headers.of("Content-Type", "application/json"));
    }

    private HttpResponse send(String method, ApiTarget target, byte[] body, Headers headers) {
        try {
            return checked(connection.request(method, target.toString(), headers, body));
        } catch (IOException | HttpProtocolException e) {
            throw lost(e);
        }
    }

    /**
     * Sends a streamed body (chunked, or a regular file with its length by sendfile); the
     * response may begin before the body ends.
     */
    HttpResponse sendStreaming(String method, ApiTarget target, InputStream body, Headers headers) {
        try {
            if (body instanceof FileBody file) {
                return checked(connection.requestFile(method, target.toString(), headers, file));
            }
            return checked(connection.requestChunked(method, target.toString(), headers, body));
        } catch (IOException | HttpProtocolException e) {
            IOException source = connection.bodyFailure();
            if (source != null) {
                throw new InternalException("unable to read the request body: " + source.getMessage(), source);
            }
            throw lost(e);
        }
    }

    JsonNode json(String method, ApiTarget target, JsonNode body) {
        HttpResponse response = send(method, target, body, new Headers());
        try {
            return JsonTrees.read(response.body());
        } catch (IOException e) {
            throw lost(e);
        }
    }

    private HttpResponse checked(HttpResponse response) throws IOException {
        if (response.successful()) {
            return response;
        }
        String text = response.bodyText();
        String message = text.strip();
        try {
            JsonNode node = JsonTrees.read(text);
            if (node != null && node.hasNonNull("message")) {
                message = node.get("message").asText();
            }
        } catch (IOException e) {
            // not JSON: the raw text is the message
        }
        throw ApiFaults.rebuild(response.status(), response.headers().first(ApiFaults.HEADER).orElse(null), message);
    }

    LauncherException lost(Exception e) {
        return new UnavailableException("lost the connection to the Launcher engine at unix://" + socket + ": "
                + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
    }

    /** The raw stream to the engine after a {@code 101} (a process's stdin). */
    OutputStream rawOutput() {
        return connection.rawOutput();
    }

    /** Half-closes: the engine reads the end of the input and may still answer. */
    void shutdownOutput() throws IOException {
        connection.shutdownOutput();
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (IOException e) {
            // closing a finished call cannot lose anything
        }
    }
}
