package io.launcher.engine;

import io.launcher.api.InvalidSpecException;
import io.launcher.api.NotFoundException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The live containers, found as Docker finds them: full id, name, or unique id prefix. */
final class ContainerRegistry {
    private static final int REMEMBERED = 256;
    private final Map<String, ContainerEntry> byId = new ConcurrentHashMap<>();
    /** Exit codes of the last removed containers by id and name: a client's late wait for removal still gets one. */
    private final Map<String, Integer> removed = Collections.synchronizedMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Integer> eldest) {
            return size() > REMEMBERED;
        }
    });

    void add(ContainerEntry entry) {
        byId.put(entry.record().id(), entry);
    }

    void remove(ContainerEntry entry, int exitCode) {
        // remembered before it goes: a wait that no longer finds the container then finds its exit
        removed.put(entry.record().id(), exitCode);
        removed.put(entry.record().name(), exitCode);
        byId.remove(entry.record().id());
    }

    Optional<Integer> recentlyRemoved(String reference) {
        String bare = reference.startsWith("/") ? reference.substring(1) : reference;
        return Optional.ofNullable(removed.get(bare));
    }

    List<ContainerEntry> all() {
        return List.copyOf(byId.values());
    }

    Optional<ContainerEntry> byName(String name) {
        String bare = name.startsWith("/") ? name.substring(1) : name;
        return byId.values().stream().filter(e -> e.record().name().equals(bare)).findFirst();
    }

    ContainerEntry find(String reference) {
        if (reference == null || reference.isEmpty()) {
            throw new InvalidSpecException("no container name or id given");
        }
        ContainerEntry exact = byId.get(reference);
        if (exact != null) {
            return exact;
        }
        Optional<ContainerEntry> named = byName(reference);
        if (named.isPresent()) {
            return named.get();
        }
        List<ContainerEntry> prefixed = byId.values().stream().filter(e -> e.record().id().startsWith(reference)).toList();
        if (prefixed.size() == 1) {
            return prefixed.get(0);
        }
        if (prefixed.size() > 1) {
            throw new InvalidSpecException("multiple containers found with provided prefix: " + reference);
        }
        throw new NotFoundException("No such container: " + reference);
    }
}
