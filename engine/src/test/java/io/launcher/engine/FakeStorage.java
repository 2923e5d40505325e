package io.launcher.engine;

import io.launcher.api.FailedPreconditionException;
import io.launcher.api.NotFoundException;
import io.launcher.spi.Availability;
import io.launcher.spi.BackendContext;
import io.launcher.spi.Mount;
import io.launcher.spi.storage.LayerReader;
import io.launcher.spi.storage.LayerWriter;
import io.launcher.spi.storage.SnapshotInfo;
import io.launcher.spi.storage.SnapshotKey;
import io.launcher.spi.storage.SnapshotKind;
import io.launcher.spi.storage.StorageDriver;
import io.launcher.spi.storage.StorageProvider;
import io.launcher.spi.storage.Usage;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/** An in-memory snapshotter: enough for the engine's policy, nothing mounted. Shared by all opens of one test. */
final class FakeStorage implements StorageProvider, StorageDriver {
    final Map<SnapshotKey, SnapshotInfo> snapshots = new ConcurrentHashMap<>();
    final Map<SnapshotKey, Integer> entries = new ConcurrentHashMap<>();

    @Override
    public String name() {
        return "fake";
    }

    @Override
    public int priority() {
        return 1;
    }

    @Override
    public Availability probe() {
        return Availability.yes();
    }

    @Override
    public StorageDriver open(BackendContext context) {
        return this;
    }

    @Override
    public List<Mount> prepare(SnapshotKey key, Optional<SnapshotKey> parent) {
        parent.ifPresent(this::stat);
        snapshots.put(key, new SnapshotInfo(key, parent, SnapshotKind.ACTIVE));
        return mounts(key);
    }

    @Override
    public List<Mount> view(SnapshotKey key, Optional<SnapshotKey> parent) {
        snapshots.put(key, new SnapshotInfo(key, parent, SnapshotKind.VIEW));
        return mounts(key);
    }

    @Override
    public List<Mount> mounts(SnapshotKey key) {
        stat(key);
        return List.of(new Mount("bind", "/fake/" + key, List.of("rbind")));
    }

    @Override
    public void commit(SnapshotKey name, SnapshotKey active) {
        SnapshotInfo info = snapshots.remove(active);
        snapshots.put(name, new SnapshotInfo(name, info.parent(), SnapshotKind.COMMITTED));
    }

    @Override
    public void remove(SnapshotKey key) {
        stat(key);
        if (snapshots.values().stream().anyMatch(s -> s.parent().equals(Optional.of(key)))) {
            throw new FailedPreconditionException("snapshot " + key + " is a parent");
        }
        snapshots.remove(key);
    }

    @Override
    public SnapshotInfo stat(SnapshotKey key) {
        SnapshotInfo info = snapshots.get(key);
        if (info == null) {
            throw new NotFoundException("snapshot " + key + " does not exist");
        }
        return info;
    }

    @Override
    public Usage usage(SnapshotKey key) {
        return new Usage(0, 0);
    }

    @Override
    public void walk(Consumer<SnapshotInfo> visitor) {
        List.copyOf(snapshots.values()).forEach(visitor);
    }

    @Override
    public void apply(SnapshotKey active, LayerReader layer) throws IOException {
        int count = 0;
        while (layer.next().isPresent()) {
            count++;
        }
        entries.put(active, count);
    }

    @Override
    public void diff(SnapshotKey active, LayerWriter out) {
        // the fake keeps no content
    }
}
