package io.launcher.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.launcher.api.ProgressListener;
import io.launcher.daemon.ApiFaults;
import io.launcher.daemon.DockerJson;
import io.launcher.daemon.JsonTrees;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * Docker's JSON message stream, one object a line, as pull, push, import and load answer: an
 * error message (which can come after a 200 has started the stream) is thrown as the fault it names.
 */
final class JsonMessages {

    /** What a reader does with each message that is not an error. */
    @FunctionalInterface
    interface Handler {
        void accept(JsonNode message) throws IOException;
    }

    private JsonMessages() {
    }

    static void read(InputStream body, Handler handler) throws IOException {
        BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode node = JsonTrees.read(line);
            JsonNode error = DockerJson.field(node, "errorDetail");
            if (error != null || DockerJson.field(node, "error") != null) {
                String message = error != null ? DockerJson.text(error, "message") : DockerJson.text(node, "error");
                throw ApiFaults.rebuild((int) DockerJson.number(error, "code"), DockerJson.text(node, ApiFaults.HEADER), message);
            }
            handler.accept(node);
        }
    }

    /** A layer's line ({@code id}, {@code status}, counts when it has them) to the listener. */
    static void reportItem(JsonNode node, ProgressListener progress) {
        JsonNode detail = DockerJson.field(node, "progressDetail");
        boolean counted = detail != null && detail.has("current");
        progress.item(DockerJson.text(node, "id"), DockerJson.text(node, "status"),
                counted ? DockerJson.number(detail, "current") : -1, counted ? DockerJson.number(detail, "total") : -1);
    }
}
