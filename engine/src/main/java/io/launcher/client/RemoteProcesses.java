package io.launcher.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.launcher.api.ProcessList;
import io.launcher.http.Headers;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The process half of {@link RemoteEngine}: {@code top}, {@code pause}, {@code unpause}. */
final class RemoteProcesses {
    private final Path socket;

    RemoteProcesses(Path socket) {
        this.socket = socket;
    }

    ProcessList top(String container, String psArgs) {
        ApiTarget target = ApiTarget.of("containers").segment(container).segment("top");
        if (!psArgs.isEmpty()) {
            target.param("ps_args", psArgs);
        }
        JsonNode body;
        try (EngineConnection call = EngineConnection.open(socket)) {
            body = call.json("GET", target, null);
        }
        List<String> titles = texts(body.path("Titles"));
        List<List<String>> rows = new ArrayList<>();
        body.path("Processes").forEach(row -> rows.add(texts(row)));
        return new ProcessList(titles, rows);
    }

    void pause(String container) {
        post(container, "pause");
    }

    void unpause(String container) {
        post(container, "unpause");
    }

    private void post(String container, String action) {
        try (EngineConnection call = EngineConnection.open(socket)) {
            call.send("POST", ApiTarget.of("containers").segment(container).segment(action), null, new Headers())
                    .body().readAllBytes();
        } catch (IOException e) {
            throw EngineConnection.unreachable(socket, e);
        }
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(n -> texts.add(n.asText()));
        return texts;
    }
}
