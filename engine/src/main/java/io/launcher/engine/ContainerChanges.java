package io.launcher.engine;

import io.launcher.api.FilesystemChange;
import io.launcher.api.FilesystemChange.Kind;
import io.launcher.spi.storage.LayerEntry;
import io.launcher.spi.storage.SnapshotKey;
import io.launcher.spi.storage.StorageDriver;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code diff}: the container's own layer read through the driver, each path marked deleted (a
 * whiteout), changed (the image shows that path) or added, as Docker's {@code /changes} does.
 */
final class ContainerChanges {
    private final StorageDriver storage;
    private final LayerMerge merge;

    ContainerChanges(StorageDriver storage) {
        this.storage = storage;
        this.merge = new LayerMerge(storage);
    }

    List<FilesystemChange> of(SnapshotKey container) throws IOException {
        List<LayerEntry> own = new ArrayList<>();
        storage.diff(container, entry -> {
            if (!(entry instanceof LayerEntry.OpaqueDirectory)) {
                own.add(entry);
            }
        });
        List<SnapshotKey> chain = merge.chain(container);
        Set<String> image = new HashSet<>();
        if (chain.size() > 1) {
            merge.run(chain.subList(1, chain.size()), entry -> image.add(entry.path()));
        }
        List<FilesystemChange> changes = new ArrayList<>();
        for (LayerEntry entry : own) {
            Kind kind = entry instanceof LayerEntry.Whiteout ? Kind.DELETED
                    : image.contains(entry.path()) ? Kind.MODIFIED : Kind.ADDED;
            changes.add(new FilesystemChange("/" + entry.path(), kind));
        }
        changes.sort(Comparator.comparing(FilesystemChange::path));
        return changes;
    }
}
