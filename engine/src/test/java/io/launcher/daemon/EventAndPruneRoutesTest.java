package io.launcher.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.launcher.http.Headers;
import io.launcher.http.HttpClientConnection;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** /events streamed a JSON object a line, and /containers/prune, over the socket. */
class EventAndPruneRoutesTest {
    private final FakeEngine engine = new FakeEngine();
    @RegisterExtension
    final ApiServerExtension api = new ApiServerExtension(engine);

    private String call(String method, String target) throws IOException {
        ApiServerExtension.Answer answer = api.call(method, target);
        assertEquals(200, answer.status(), answer.body());
        return answer.body();
    }

    @Test
    void eventsReplaysSinceFiltersAndEndsAtUntil() throws IOException {
        engine.bus.publish("container", "create", "c1", Map.of("name", "x", "image", "base"));
        engine.bus.publish("image", "tag", "sha256:aa", Map.of("name", "base:v2"));
        engine.bus.publish("container", "start", "c1", Map.of("name", "x", "image", "base"));
        long until = Instant.now().getEpochSecond() + 1;
        String body = call("GET", "/v1.47/events?since=0&until=" + until + "&filters=%7B%22type%22%3A%5B%22container%22%5D%7D");
        var lines = body.lines().toList();
        assertEquals(2, lines.size(), body);
        JsonNode start = DockerMapper.MAPPER.readTree(lines.get(1));
        assertEquals("start", start.get("status").asText());
        assertEquals("c1", start.at("/Actor/ID").asText());
        assertEquals("base", start.get("from").asText());
    }

    @Test
    void containerPruneAnswersDeletedIdsAndSpace() throws IOException {
        try (HttpClientConnection connection = api.connect()) {
            assertEquals(201, connection.request("POST", "/containers/create?name=c1", Headers.of("Content-Type", "application/json"),
                    "{\"Image\":\"base\",\"Cmd\":[\"sh\"]}".getBytes(StandardCharsets.UTF_8)).status());
        }
        JsonNode answer = DockerMapper.MAPPER.readTree(call("POST", "/v1.47/containers/prune"));
        assertEquals(1, answer.get("ContainersDeleted").size(), answer.toString());
        assertEquals(0, DockerMapper.MAPPER.readTree(call("GET", "/containers/json?all=1")).size());
        assertEquals(0, answer.get("SpaceReclaimed").asLong());
        JsonNode images = DockerMapper.MAPPER.readTree(call("POST", "/images/prune?filters=%7B%22dangling%22%3A%5B%22false%22%5D%7D"));
        assertTrue(images.get("ImagesDeleted").isArray(), images.toString());
    }
}
