package io.launcher.engine;

import io.launcher.api.CommitRequest;
import io.launcher.api.FilesystemChange;
import io.launcher.api.ImageId;
import io.launcher.api.InternalException;
import io.launcher.spi.storage.SnapshotKey;
import io.launcher.spi.storage.StorageDriver;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/** A container's filesystem as images see it: its changes ({@code diff}), its {@code export}, its {@code commit}. */
final class ContainerFilesystems {
    private final ContainerRegistry registry;
    private final StorageDriver storage;
    private final LayerStore layers;
    private final ImageStore images;
    private final DiskReserve reserve;
    private final ContainerEvents events;

    ContainerFilesystems(ContainerRegistry registry, StorageDriver storage, LayerStore layers, ImageStore images,
                         DiskReserve reserve, ContainerEvents events) {
        this.registry = registry;
        this.storage = storage;
        this.layers = layers;
        this.images = images;
        this.reserve = reserve;
        this.events = events;
    }

    ImageId commit(String container, CommitRequest request) {
        ContainerEntry entry = registry.find(container);
        ImageId id;
        // Frozen like a copy, as Docker's commit pauses unless told not to: the layer is read while nothing writes it.
        try (CopyFreeze frozen = request.pause() ? CopyFreeze.of(entry) : CopyFreeze.none(entry)) {
            id = new ImageCommitter(images, new LayerCommit(storage, layers, registry, reserve.meter(), frozen.stable()))
                    .commit(entry.record(), request);
        }
        events.publish(entry.record(), "commit");
        return id;
    }

    List<FilesystemChange> changes(String container) {
        ContainerEntry entry = registry.find(container);
        try {
            return new ContainerChanges(storage).of(new SnapshotKey(entry.record().id()));
        } catch (IOException e) {
            throw new InternalException("unable to list the changes of " + container + ": " + e.getMessage(), e);
        }
    }

    void export(String container, OutputStream out) throws IOException {
        new ContainerExport(storage).write(new SnapshotKey(registry.find(container).record().id()), out);
    }
}
