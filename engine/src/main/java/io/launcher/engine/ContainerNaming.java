package io.launcher.engine;

import io.launcher.api.AlreadyExistsException;
import io.launcher.api.ContainerConfig;
import io.launcher.api.ContainerId;
import io.launcher.api.ContainerState;
import io.launcher.api.HostConfig;
import io.launcher.api.ImageId;
import io.launcher.api.InvalidSpecException;
import io.launcher.api.StorageOpt;
import io.launcher.engine.ContainerRecord.StateRecord;
import io.launcher.spi.storage.LayerLimit;
import io.launcher.spi.storage.SnapshotKey;
import io.launcher.spi.storage.StorageDriver;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Brings containers into the store under a name and renames them: names are unique, checked and
 * taken under the registry's lock, so two creates racing for one name cannot both win.
 */
final class ContainerNaming {
    private static final Pattern NAME = Pattern.compile("/?[a-zA-Z0-9][a-zA-Z0-9_.-]+");

    private final ImageStore images;
    private final StorageDriver storage;
    private final ContainerStore store;
    private final ContainerRegistry registry;
    private final EventBus events;

    ContainerNaming(ImageStore images, StorageDriver storage, ContainerStore store, ContainerRegistry registry, EventBus events) {
        this.images = images;
        this.storage = storage;
        this.store = store;
        this.registry = registry;
        this.events = events;
    }

    /** Checks the config, prepares the container's writable layer on its image and records it. */
    ContainerId create(Optional<String> requestedName, ContainerConfig config, HostConfig hostConfig) {
        ImageId image = images.resolve(config.image());
        ContainerConfig merged = SandboxSpecs.withImageDefaults(config, images.config(image).config());
        SandboxSpecs.binds(hostConfig.binds());
        SecurityOptions.seccomp(hostConfig.securityOpt());
        PublishedPorts.check(hostConfig);
        ContainerDevices.resolve(hostConfig);
        ContainerId id = ContainerId.random();
        synchronized (registry) {
            String name = requestedName.map(ContainerNaming::validName)
                    .orElseGet(() -> NameGenerator.generate(n -> registry.byName(n).isPresent()));
            refuseTaken(name);
            List<SnapshotKey> parents = images.chainIds(image).stream().map(LayerStore::snapshotOf).toList();
            prepareLayer(new SnapshotKey(id.value()), parents.isEmpty() ? Optional.empty()
                    : Optional.of(parents.get(parents.size() - 1)), hostConfig.storageOpt());
            ContainerRecord record = new ContainerRecord(id.value(), name, Instant.now().toString(), image.toString(),
                    merged, hostConfig, StateRecord.of(ContainerState.created()), null);
            try {
                store.save(record);
            } catch (RuntimeException e) {
                storage.remove(new SnapshotKey(id.value()));
                throw e;
            }
            registry.add(new ContainerEntry(record));
            new ContainerEvents(events).publish(record, "create");
        }
        return id;
    }

    /** The container's writable layer, bounded when {@code --storage-opt size} asks for it. */
    private void prepareLayer(SnapshotKey key, Optional<SnapshotKey> parent, StorageOpt storageOpt) {
        if (storageOpt.limited()) {
            storage.prepare(key, parent, new LayerLimit(storageOpt.sizeBytes()));
        } else {
            storage.prepare(key, parent);
        }
    }

    void rename(String container, String newName) {
        String name = validName(newName);
        synchronized (registry) {
            ContainerEntry entry = registry.find(container);
            if (entry.record().name().equals(name)) {
                throw new InvalidSpecException("Renaming a container with the same name as its current name");
            }
            refuseTaken(name);
            synchronized (entry) {
                ContainerRecord renamed = entry.record().withName(name);
                store.save(renamed);
                entry.update(renamed);
            }
        }
    }

    private void refuseTaken(String name) {
        registry.byName(name).ifPresent(other -> {
            throw new AlreadyExistsException("Conflict. The container name \"/" + name + "\" is already in use by container \""
                    + other.id() + "\". You have to remove (or rename) that container to be able to reuse that name.");
        });
    }

    private static String validName(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new InvalidSpecException("Invalid container name (" + name + "), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed");
        }
        return name.startsWith("/") ? name.substring(1) : name;
    }
}
