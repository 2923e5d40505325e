package io.launcher.engine;

import java.util.HashMap;
import java.util.Map;

/**
 * Publishes a container's events with the attributes Docker gives them: the container's labels,
 * its {@code name} and the {@code image} as the user named it, plus action-specific ones.
 */
final class ContainerEvents {
    private final EventBus bus;

    ContainerEvents(EventBus bus) {
        this.bus = bus;
    }

    void publish(ContainerRecord record, String action) {
        publish(record, action, Map.of());
    }

    void publish(ContainerRecord record, String action, Map<String, String> extra) {
        Map<String, String> attributes = new HashMap<>(record.config().labels());
        attributes.put("name", record.name());
        attributes.put("image", record.config().image());
        attributes.putAll(extra);
        bus.publish("container", action, record.id(), attributes);
    }
}
