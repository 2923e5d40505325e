package io.launcher.engine;

import io.launcher.api.Digest;
import io.launcher.api.ImageDeletion;
import io.launcher.api.ImageId;
import io.launcher.api.NotFoundException;
import io.launcher.spi.storage.SnapshotKey;
import io.launcher.spi.storage.StorageDriver;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Deletes the layers nothing uses. A layer's reference count is the number of stored images whose
 * chain holds its chain id (images kept for a container included, since rmi keeps those). The
 * record goes first, then the snapshot: a crash between leaves an unowned snapshot that
 * {@link StoreRecovery} removes, never a record without its content.
 */
final class LayerCollector {
    private final StorageDriver storage;
    private final LayerStore layers;
    private final ImageStore images;

    LayerCollector(StorageDriver storage, LayerStore layers, ImageStore images) {
        this.storage = storage;
        this.layers = layers;
        this.images = images;
    }

    /**
     * Removes every unused layer, topmost first (a snapshot that is still a parent cannot go).
     * Synchronized: a pull applies and stores under the same lock, so its new layers are never seen unused.
     */
    synchronized List<ImageDeletion> collect() {
        Set<String> used = new HashSet<>();
        for (ImageId image : images.all()) {
            images.chainIds(image).forEach(chainId -> used.add(chainId.toString()));
        }
        List<LayerRecord> unused = new ArrayList<>(layers.all().stream().filter(l -> !used.contains(l.chainId())).toList());
        unused.sort(Comparator.comparingInt((LayerRecord l) -> depth(l, unused)).reversed());
        List<ImageDeletion> deleted = new ArrayList<>();
        for (LayerRecord layer : unused) {
            Digest chainId = Digest.parse(layer.chainId());
            SnapshotKey key = LayerStore.snapshotOf(chainId);
            if (isParent(key)) {
                // Below a snapshot that is still there (a container's, or a crash's leftover).
                continue;
            }
            layers.remove(chainId);
            try {
                storage.remove(key);
            } catch (NotFoundException e) {
                // The record outlived its snapshot: forgetting the record was all there was to do.
            }
            deleted.add(ImageDeletion.deleted(chainId.toString()));
        }
        return deleted;
    }

    private boolean isParent(SnapshotKey key) {
        boolean[] parent = new boolean[1];
        storage.walk(info -> parent[0] |= info.parent().equals(Optional.of(key)));
        return parent[0];
    }

    /** How many of the unused layers stand below this one. */
    private static int depth(LayerRecord layer, Collection<LayerRecord> unused) {
        int depth = 0;
        String parent = layer.parentChainId();
        while (!parent.isEmpty()) {
            String wanted = parent;
            parent = unused.stream().filter(l -> l.chainId().equals(wanted)).map(LayerRecord::parentChainId)
                    .findFirst().orElse("");
            depth++;
        }
        return depth;
    }
}
