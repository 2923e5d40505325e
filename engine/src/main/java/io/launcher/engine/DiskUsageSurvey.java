package io.launcher.engine;

import io.launcher.api.ContainerDetails;
import io.launcher.api.Digest;
import io.launcher.api.DiskUsage;
import io.launcher.api.ImageDetails;
import io.launcher.api.ImageId;
import io.launcher.api.LauncherException;
import io.launcher.spi.storage.SnapshotKey;
import io.launcher.spi.storage.StorageDriver;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Docker's {@code system df}: each stored layer counted once, each image's size with the part it
 * shares with other images (layers in more than one image's chain), the containers using it, and
 * each container's writable layer as the storage driver measures it.
 */
final class DiskUsageSurvey {
    private final ImageStore images;
    private final LayerStore layers;
    private final ContainerRegistry registry;
    private final StorageDriver storage;
    private final Function<ContainerEntry, ContainerDetails> details;

    DiskUsageSurvey(ImageStore images, LayerStore layers, ContainerRegistry registry, StorageDriver storage,
                    Function<ContainerEntry, ContainerDetails> details) {
        this.images = images;
        this.layers = layers;
        this.registry = registry;
        this.storage = storage;
        this.details = details;
    }

    DiskUsage survey() {
        Map<ImageId, List<Digest>> chains = new HashMap<>();
        Map<Digest, Integer> users = new HashMap<>();
        for (ImageId id : images.all()) {
            List<Digest> chain = List.copyOf(new LinkedHashSet<>(images.chainIds(id)));
            chains.put(id, chain);
            chain.forEach(layer -> users.merge(layer, 1, Integer::sum));
        }
        long layersSize = users.keySet().stream().mapToLong(this::size).sum();
        List<ContainerEntry> containers = registry.all();
        List<DiskUsage.ImageUsage> imageRows = new ArrayList<>();
        Map<String, ImageDetails> byId = new HashMap<>();
        for (Map.Entry<ImageId, List<Digest>> image : chains.entrySet()) {
            ImageDetails d = images.details(image.getKey());
            byId.put(image.getKey().toString(), d);
            long shared = image.getValue().stream().filter(l -> users.get(l) > 1).mapToLong(this::size).sum();
            int using = (int) containers.stream().filter(c -> c.record().image().equals(image.getKey().toString())).count();
            imageRows.add(new DiskUsage.ImageUsage(d, shared, using));
        }
        List<DiskUsage.ContainerUsage> containerRows = new ArrayList<>();
        for (ContainerEntry entry : containers) {
            long rw = writable(entry);
            ImageDetails image = byId.get(entry.record().image());
            containerRows.add(new DiskUsage.ContainerUsage(details.apply(entry), rw, rw + (image == null ? 0 : image.size())));
        }
        // newest first, as Docker lists both
        imageRows.sort(Comparator.comparing((DiskUsage.ImageUsage i) -> i.image().created()).reversed());
        containerRows.sort(Comparator.comparing((DiskUsage.ContainerUsage c) -> c.container().created()).reversed());
        return new DiskUsage(layersSize, imageRows, containerRows);
    }

    private long size(Digest chainId) {
        return layers.find(chainId).map(LayerRecord::size).orElse(0L);
    }

    /** A container removed or broken meanwhile reports 0 rather than failing the whole survey. */
    private long writable(ContainerEntry entry) {
        try {
            return storage.usage(new SnapshotKey(entry.record().id())).bytes();
        } catch (LauncherException e) {
            return 0;
        }
    }
}
