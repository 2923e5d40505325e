package io.launcher.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import io.launcher.api.Engine;
import io.launcher.http.Headers;
import io.launcher.http.HttpClientConnection;
import io.launcher.http.HttpResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The Docker API server over a test's engine, on a socket in a folder of its own: opened before
 * each test and closed, folder and all, after it. Register it with {@code @RegisterExtension}.
 */
public final class ApiServerExtension implements BeforeEachCallback, AfterEachCallback {
    private final Engine engine;
    private Path folder;
    private DockerApiServer server;

    public ApiServerExtension(Engine engine) {
        this.engine = engine;
    }

    /** One answer: its status, headers and body as text. */
    public record Answer(int status, Headers headers, String body) {
        public JsonNode json() throws IOException {
            return DockerMapper.MAPPER.readTree(body);
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        folder = Files.createTempDirectory("launcher-api-test-");
        // in a subfolder: the server makes the socket's folder itself
        server = new DockerApiServer(engine, folder.resolve("run/engine.sock"));
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        try {
            if (server != null) {
                server.close();
            }
        } finally {
            try (Stream<Path> paths = Files.walk(folder)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            }
        }
    }

    public Path socket() {
        return server.socket();
    }

    /** A new connection to the server; the caller closes it. */
    public HttpClientConnection connect() throws IOException {
        return HttpClientConnection.open(server.socket());
    }

    /** One request with a JSON body on a connection of its own. */
    public Answer call(String method, String target, String body) throws IOException {
        try (HttpClientConnection connection = connect()) {
            HttpResponse response = connection.request(method, target,
                    Headers.of("Content-Type", "application/json"), body.getBytes(StandardCharsets.UTF_8));
            return new Answer(response.status(), response.headers(), response.bodyText());
        }
    }

    /** One request with an empty body. */
    public Answer call(String method, String target) throws IOException {
        return call(method, target, "");
    }
}
