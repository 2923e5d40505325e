package io.launcher.engine;

import io.launcher.api.Digest;
import io.launcher.api.ImageDeletion;
import io.launcher.api.ImageId;
import io.launcher.api.LauncherException;
import io.launcher.api.PruneReport;
import io.launcher.spi.storage.SnapshotKey;
import io.launcher.spi.storage.StorageDriver;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Docker's prune: every container not running, and images no container uses (only untagged ones
 * unless {@code all}). One that cannot go (a race with a start, a layer in use) is skipped and
 * logged, as dockerd does, rather than failing the whole prune. The space reclaimed is what the
 * removed containers' own layers held, and the layers an image removal actually freed.
 */
final class Pruner {
    private static final Logger LOG = LoggerFactory.getLogger(Pruner.class);

    private final ContainerRegistry registry;
    private final ContainerLifecycle lifecycle;
    private final ImageStore images;
    private final ImageRemover remover;
    private final StorageDriver storage;
    private final LayerStore layers;

    Pruner(ContainerRegistry registry, ContainerLifecycle lifecycle, ImageStore images, ImageRemover remover,
           StorageDriver storage, LayerStore layers) {
        this.registry = registry;
        this.lifecycle = lifecycle;
        this.images = images;
        this.remover = remover;
        this.storage = storage;
        this.layers = layers;
    }

    PruneReport containers() {
        List<String> deleted = new ArrayList<>();
        long reclaimed = 0;
        for (ContainerEntry entry : registry.all()) {
            if (entry.running()) {
                continue;
            }
            try {
                long size = writable(entry);
                lifecycle.remove(entry, false);
                deleted.add(entry.record().id());
                reclaimed += size;
            } catch (LauncherException e) {
                LOG.warn("prune skipped container {}: {}", entry.id(), e.getMessage());
            }
        }
        return new PruneReport(deleted, List.of(), reclaimed);
    }

    PruneReport images(boolean all) {
        Set<String> used = registry.all().stream().map(e -> e.record().image()).collect(Collectors.toSet());
        List<ImageDeletion> deleted = new ArrayList<>();
        long reclaimed = 0;
        for (ImageId id : images.all()) {
            boolean dangling = images.tags().tagsOf(id).isEmpty();
            if (used.contains(id.toString()) || !(all || dangling)) {
                continue;
            }
            Map<Digest, Long> sizes = new HashMap<>();
            images.chainIds(id).forEach(layer -> sizes.put(layer, layers.find(layer).map(LayerRecord::size).orElse(0L)));
            try {
                // force only lifts the several-tags rule here: no container uses the image
                deleted.addAll(remover.remove(id.toString(), true));
                // a layer another image still holds stays, and frees nothing
                reclaimed += sizes.entrySet().stream().filter(layer -> layers.find(layer.getKey()).isEmpty())
                        .mapToLong(Map.Entry::getValue).sum();
            } catch (LauncherException e) {
                LOG.warn("prune skipped image {}: {}", id, e.getMessage());
            }
        }
        return new PruneReport(List.of(), deleted, reclaimed);
    }

    /** A container whose layer cannot be measured counts for nothing rather than failing the prune. */
    private long writable(ContainerEntry entry) {
        try {
            return storage.usage(new SnapshotKey(entry.record().id())).bytes();
        } catch (LauncherException e) {
            return 0;
        }
    }
}
