package io.launcher.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.launcher.api.EngineEvent;
import io.launcher.api.EventFilter;
import io.launcher.api.EventStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EventBusTest {

    @Test
    void replaysSinceInOrderAndEndsAtUntil() throws InterruptedException {
        EventBus bus = new EventBus();
        Instant start = Instant.now().minusSeconds(1);
        for (String action : List.of("create", "start", "die", "destroy")) {
            bus.publish("container", action, "c1", Map.of("name", "x", "image", "base"));
        }
        bus.publish("image", "tag", "sha256:aa", Map.of("name", "base:v2"));
        var filter = new EventFilter(Optional.of(start), Optional.of(Instant.now().plusMillis(200)),
                Map.of("type", List.of("container")));
        try (EventStream stream = bus.subscribe(filter)) {
            StringBuilder actions = new StringBuilder();
            for (Optional<EngineEvent> e = stream.next(); e.isPresent(); e = stream.next()) {
                actions.append(e.get().action()).append(' ');
            }
            assertEquals("create start die destroy ", actions.toString());
        }
    }

    @Test
    void deliversLiveEventsAndFiltersByNameAndEvent() throws InterruptedException {
        EventBus bus = new EventBus();
        var filter = new EventFilter(Optional.empty(), Optional.empty(),
                Map.of("container", List.of("x"), "event", List.of("die")));
        try (EventStream stream = bus.subscribe(filter)) {
            bus.publish("container", "start", "c1", Map.of("name", "x"));
            bus.publish("container", "die", "c2", Map.of("name", "y", "exitCode", "0"));
            bus.publish("container", "die", "c1", Map.of("name", "x", "exitCode", "3"));
            EngineEvent die = stream.next().orElseThrow();
            assertEquals("c1", die.actorId());
            assertEquals("3", die.attributes().get("exitCode"));
        }
    }

    @Test
    void closeEndsABlockedReader() throws Exception {
        EventBus bus = new EventBus();
        EventStream stream = bus.subscribe(EventFilter.all());
        Thread closer = new Thread(() -> {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            stream.close();
        });
        closer.start();
        assertTrue(stream.next().isEmpty());
        closer.join();
    }
}
