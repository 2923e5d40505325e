package io.launcher.api;

import java.time.Instant;
import java.util.Map;

/**
 * One thing that happened in the engine, in Docker's event shape: the object's type
 * ({@code container}, {@code image}), the action ({@code create}, {@code die}, {@code tag}...), the
 * actor's id and attributes ({@code name}, {@code image}, {@code exitCode}) and when.
 */
public record EngineEvent(String type, String action, String actorId, Map<String, String> attributes, Instant time) {

    public EngineEvent {
        attributes = Map.copyOf(attributes);
    }
}
