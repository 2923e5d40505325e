package io.launcher.engine;

import io.launcher.api.FailedPreconditionException;
import io.launcher.api.NotFoundException;
import io.launcher.spi.Mount;
import io.launcher.spi.storage.LayerEntry;
import io.launcher.spi.storage.LayerReader;
import io.launcher.spi.storage.LayerWriter;
import io.launcher.spi.storage.SnapshotInfo;
import io.launcher.spi.storage.SnapshotKey;
import io.launcher.spi.storage.SnapshotKind;
import io.launcher.spi.storage.StorageDriver;
import io.launcher.spi.storage.StorageProvider;
import io.launcher.spi.storage.Usage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/** An in-memory snapshotter: enough for the engine's policy, nothing mounted. Shared by all opens of one test. */
final class FakeStorage extends FakeProvider<StorageDriver> implements StorageProvider, StorageDriver {
    final Map<SnapshotKey, SnapshotInfo> snapshots = new ConcurrentHashMap<>();
    final Map<SnapshotKey, Integer> entries = new ConcurrentHashMap<>();
    /** Each snapshot's own layer, regular files' content buffered so diff can replay it. */
    final Map<SnapshotKey, List<Stored>> layers = new ConcurrentHashMap<>();

    /** An entry with its content read into memory. */
    record Stored(LayerEntry entry, byte[] content) {
        LayerEntry replay() {
            if (entry instanceof LayerEntry.RegularFile f) {
                return new LayerEntry.RegularFile(f.path(), f.attributes(), content.length, new ByteArrayInputStream(content));
            }
            return entry;
        }
    }

    /** What a container's process would write into its layer. */
    void write(SnapshotKey key, LayerEntry... written) throws IOException {
        List<Stored> layer = layers.computeIfAbsent(key, k -> new ArrayList<>());
        for (LayerEntry entry : written) {
            layer.removeIf(s -> s.entry().path().equals(entry.path())
                    || entry instanceof LayerEntry.Whiteout && s.entry().path().startsWith(entry.path() + "/"));
            layer.add(store(entry));
        }
    }

    private static Stored store(LayerEntry entry) throws IOException {
        byte[] content = entry instanceof LayerEntry.RegularFile f ? f.content().readAllBytes() : new byte[0];
        return new Stored(entry, content);
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
        List<Stored> layer = layers.remove(active);
        if (layer != null) {
            layers.put(name, layer);
        }
    }

    @Override
    public void remove(SnapshotKey key) {
        stat(key);
        if (snapshots.values().stream().anyMatch(s -> s.parent().equals(Optional.of(key)))) {
            throw new FailedPreconditionException("snapshot " + key + " is a parent");
        }
        snapshots.remove(key);
        layers.remove(key);
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
        List<Stored> stored = layers.computeIfAbsent(active, k -> new ArrayList<>());
        for (Optional<LayerEntry> entry = layer.next(); entry.isPresent(); entry = layer.next()) {
            stored.add(store(entry.get()));
            count++;
        }
        entries.put(active, count);
    }

    @Override
    public void diff(SnapshotKey key, LayerWriter out) throws IOException {
        stat(key);
        List<Stored> layer = new ArrayList<>(layers.getOrDefault(key, List.of()));
        layer.sort(Comparator.comparing(s -> s.entry().path()));
        for (Stored stored : layer) {
            out.write(stored.replay());
        }
    }
}
