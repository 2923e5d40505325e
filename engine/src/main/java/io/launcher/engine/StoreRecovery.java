package io.launcher.engine;

import io.launcher.api.ContainerState;
import io.launcher.api.LauncherException;
import io.launcher.engine.ContainerRecord.EndpointRecord;
import io.launcher.spi.isolation.IsolationBackend;
import io.launcher.spi.isolation.Sandbox;
import io.launcher.spi.storage.SnapshotInfo;
import io.launcher.spi.storage.SnapshotKind;
import io.launcher.spi.storage.StorageDriver;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the store back to a consistent state when the engine starts, after a clean stop or a
 * kill: re-adopts running containers, records the ones that ended meanwhile, has the network
 * driver clear the endpoints of containers that are not running, and removes snapshots that no
 * layer record or container owns (an import or commit cut short).
 */
final class StoreRecovery {
    private static final Logger LOG = LoggerFactory.getLogger(StoreRecovery.class);

    private final StorageDriver storage;
    private final LayerStore layers;
    private final ContainerStore store;
    private final ContainerRegistry registry;
    private final ContainerLifecycle lifecycle;
    private final IsolationBackend isolation;
    private final ContainerNetworking networking;

    StoreRecovery(StorageDriver storage, LayerStore layers, ContainerStore store, ContainerRegistry registry,
                  ContainerLifecycle lifecycle, IsolationBackend isolation, ContainerNetworking networking) {
        this.storage = storage;
        this.layers = layers;
        this.store = store;
        this.registry = registry;
        this.lifecycle = lifecycle;
        this.isolation = isolation;
        this.networking = networking;
    }

    void recover() throws IOException {
        for (ContainerRecord record : store.loadAll()) {
            ContainerEntry entry = new ContainerEntry(record);
            registry.add(entry);
            if (record.state().toState().running()) {
                readopt(entry);
            }
        }
        networking.sweep(registry.all().stream().filter(ContainerEntry::running).map(ContainerEntry::id)
                .collect(Collectors.toSet()));
        removeOrphanSnapshots();
    }

    private void readopt(ContainerEntry entry) {
        ContainerRecord record = entry.record();
        Optional<Sandbox> sandbox = isolation.load(entry.id());
        if (sandbox.isPresent()) {
            if (record.endpoint() != null) {
                networking.adopt(record.endpoint());
            }
            entry.running(sandbox.get());
            lifecycle.watch(entry, sandbox.get());
            return;
        }
        EndpointRecord endpoint = record.endpoint();
        if (endpoint != null) {
            networking.adopt(endpoint);
            networking.detach(entry.id(), endpoint);
        }
        ContainerState lost = record.state().toState()
                .failed(255, "the container's process ended while the engine was down and left no exit status", Instant.now());
        ContainerRecord updated = record.withEndpoint(null).withState(lost);
        store.save(updated);
        entry.update(updated);
    }

    private void removeOrphanSnapshots() {
        Set<String> containers = registry.all().stream().map(e -> e.record().id()).collect(Collectors.toSet());
        boolean progress = true;
        while (progress) {
            progress = false;
            List<SnapshotInfo> snapshots = new ArrayList<>();
            storage.walk(snapshots::add);
            for (SnapshotInfo info : snapshots) {
                boolean owned = info.kind() == SnapshotKind.COMMITTED ? layers.knows(info.key())
                        : containers.contains(info.key().value());
                if (!owned && removeQuietly(info)) {
                    progress = true;
                }
            }
        }
    }

    private boolean removeQuietly(SnapshotInfo info) {
        try {
            storage.remove(info.key());
            LOG.info("removed snapshot {} that nothing owned", info.key());
            return true;
        } catch (LauncherException e) {
            return false;
        }
    }
}
