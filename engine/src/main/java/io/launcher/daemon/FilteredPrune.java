package io.launcher.daemon;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.launcher.api.ContainerDetails;
import io.launcher.api.ContainerStatus;
import io.launcher.api.Engine;
import io.launcher.api.ImageDetails;
import io.launcher.api.ImageDeletion;
import io.launcher.api.LauncherException;
import io.launcher.api.PruneReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A prune with filters removes only what the filters select: Testcontainers prunes with its
 * session's label at exit, and a prune that ignored the label would delete every stopped
 * container and unused image of the engine. A filter this engine cannot evaluate selects nothing.
 */
final class FilteredPrune {
    private FilteredPrune() {
    }

    static boolean hasFilters(String json) {
        return !json.isBlank() && !json.strip().equals("{}");
    }

    static PruneReport containers(Engine engine, String json) throws JsonProcessingException {
        ContainerFilters filters = ContainerFilters.parse(json);
        List<String> deleted = new ArrayList<>();
        for (ContainerDetails c : engine.containers(true)) {
            ContainerStatus status = c.state().status();
            if (status != ContainerStatus.RUNNING && status != ContainerStatus.PAUSED && filters.test(c)) {
                try {
                    engine.remove(c.id().value(), false);
                    deleted.add(c.id().value());
                } catch (LauncherException e) {
                    // It started or went meanwhile: a prune skips it, as Docker's does.
                }
            }
        }
        return new PruneReport(deleted, List.of(), 0);
    }

    /** Images carrying every label asked for ({@code key} or {@code key=value}) that no container uses. */
    static PruneReport images(Engine engine, Map<String, List<String>> filters) {
        List<String> labels = filters.getOrDefault("label", List.of());
        boolean understood = filters.keySet().stream().allMatch(k -> k.equals("label") || k.equals("dangling"));
        List<ImageDeletion> deleted = new ArrayList<>();
        if (!understood || labels.isEmpty()) {
            return new PruneReport(List.of(), deleted, 0);
        }
        for (ImageDetails image : engine.images()) {
            if (labels.stream().allMatch(l -> hasLabel(image.config().labels(), l))) {
                try {
                    deleted.addAll(engine.removeImage(image.id().toString(), false));
                } catch (LauncherException e) {
                    // In use by a container: a prune keeps it.
                }
            }
        }
        return new PruneReport(List.of(), deleted, 0);
    }

    private static boolean hasLabel(Map<String, String> labels, String filter) {
        int eq = filter.indexOf('=');
        return eq < 0 ? labels.containsKey(filter) : filter.substring(eq + 1).equals(labels.get(filter.substring(0, eq)));
    }
}
