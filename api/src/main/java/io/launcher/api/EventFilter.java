package io.launcher.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which events a subscriber wants: those after {@code since} (replayed from the recent ones kept),
 * new ones until {@code until} (forever when empty), matching Docker's filters ({@code type},
 * {@code container}, {@code image}, {@code event}, {@code label}): values of one key are alternatives,
 * keys must all match.
 */
public record EventFilter(Optional<Instant> since, Optional<Instant> until, Map<String, List<String>> filters) {

    public EventFilter {
        filters = Map.copyOf(filters);
    }

    public static EventFilter all() {
        return new EventFilter(Optional.empty(), Optional.empty(), Map.of());
    }

    public boolean matches(EngineEvent event) {
        return filters.entrySet().stream().allMatch(f -> f.getValue().stream().anyMatch(v -> matches(event, f.getKey(), v)));
    }

    private static boolean matches(EngineEvent event, String key, String value) {
        Map<String, String> a = event.attributes();
        return switch (key) {
            case "type" -> event.type().equals(value);
            case "event" -> event.action().equals(value) || event.action().startsWith(value + ":");
            case "container" -> event.type().equals("container")
                    && (event.actorId().startsWith(value) || value.equals(a.get("name")));
            case "image" -> value.equals(a.get("image")) || value.equals(a.get("name")) || event.actorId().startsWith(value);
            case "label" -> {
                int eq = value.indexOf('=');
                yield eq < 0 ? a.containsKey(value) : value.substring(eq + 1).equals(a.get(value.substring(0, eq)));
            }
            default -> true;
        };
    }
}
