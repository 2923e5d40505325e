package io.launcher.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.launcher.api.EngineEvent;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventRoutesTest {

    @Test
    void writesDockersEventShape() {
        var event = new EngineEvent("container", "die", "abc", Map.of("name", "x", "image", "base", "exitCode", "3"),
                Instant.ofEpochSecond(1_700_000_000L, 123_456_789));
        JsonNode json = EventRoutes.json(event);
        assertEquals("die", json.get("status").asText());
        assertEquals("abc", json.get("id").asText());
        assertEquals("base", json.get("from").asText());
        assertEquals("container", json.get("Type").asText());
        assertEquals("3", json.at("/Actor/Attributes/exitCode").asText());
        assertEquals("local", json.get("scope").asText());
        assertEquals(1_700_000_000L, json.get("time").asLong());
        assertEquals(1_700_000_000_123_456_789L, json.get("timeNano").asLong());
    }
}
