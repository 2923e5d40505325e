package io.launcher.engine;

import io.launcher.api.ImageDeletion;
import io.launcher.api.ImageId;
import io.launcher.api.LauncherException;
import io.launcher.api.PruneReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Docker's prune: every container not running, and images no container uses (only untagged ones
 * unless {@code all}). One that cannot go (a race with a start, a layer in use) is skipped and
 * logged, as dockerd does, rather than failing the whole prune.
 */
final class Pruner {
    private static final Logger LOG = LoggerFactory.getLogger(Pruner.class);

    private final ContainerRegistry registry;
    private final ContainerLifecycle lifecycle;
    private final ImageStore images;
    private final ImageRemover remover;

    Pruner(ContainerRegistry registry, ContainerLifecycle lifecycle, ImageStore images, ImageRemover remover) {
        this.registry = registry;
        this.lifecycle = lifecycle;
        this.images = images;
        this.remover = remover;
    }

    PruneReport containers() {
        List<String> deleted = new ArrayList<>();
        for (ContainerEntry entry : registry.all()) {
            if (entry.running()) {
                continue;
            }
            try {
                lifecycle.remove(entry, false);
                deleted.add(entry.record().id());
            } catch (LauncherException e) {
                LOG.warn("prune skipped container {}: {}", entry.id(), e.getMessage());
            }
        }
        return new PruneReport(deleted, List.of(), 0);
    }

    PruneReport images(boolean all) {
        Set<String> used = registry.all().stream().map(e -> e.record().image()).collect(Collectors.toSet());
        List<ImageDeletion> deleted = new ArrayList<>();
        for (ImageId id : images.all()) {
            boolean dangling = images.tags().tagsOf(id).isEmpty();
            if (used.contains(id.toString()) || !(all || dangling)) {
                continue;
            }
            try {
                // force only lifts the several-tags rule here: no container uses the image
                deleted.addAll(remover.remove(id.toString(), true));
            } catch (LauncherException e) {
                LOG.warn("prune skipped image {}: {}", id, e.getMessage());
            }
        }
        return new PruneReport(List.of(), deleted, 0);
    }
}
