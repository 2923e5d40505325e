package io.launcher.client;

import io.launcher.api.ProgressListener;
import io.launcher.http.Headers;
import io.launcher.http.HttpResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code save} and {@code load} over the engine's socket. */
final class RemoteImageArchives {
    private final Path socket;

    RemoteImageArchives(Path socket) {
        this.socket = socket;
    }

    void save(List<String> images, OutputStream out) throws IOException {
        ApiTarget target = ApiTarget.of("images", "get");
        images.forEach(name -> target.param("names", name));
        try (EngineConnection call = EngineConnection.open(socket)) {
            TarDownload.copy(call.send("GET", target, null, new Headers()).body(), out);
        }
    }

    List<String> load(InputStream archive, ProgressListener progress) {
        ApiTarget target = ApiTarget.of("images", "load").param("quiet", progress == ProgressListener.NONE);
        try (EngineConnection call = EngineConnection.open(socket)) {
            HttpResponse response = call.sendStreaming("POST", target, archive, Headers.of("Content-Type", "application/x-tar"));
            return read(response.body(), progress);
        } catch (IOException e) {
            throw EngineConnection.unreachable(socket, e);
        }
    }

    /** The result lines of the stream; progress lines go to the listener, an error line is thrown. */
    private static List<String> read(InputStream body, ProgressListener progress) throws IOException {
        List<String> results = new ArrayList<>();
        JsonMessages.read(body, node -> {
            if (node.hasNonNull("stream")) {
                results.add(node.get("stream").asText().strip());
            } else {
                JsonMessages.reportItem(node, progress);
            }
        });
        return results;
    }
}
