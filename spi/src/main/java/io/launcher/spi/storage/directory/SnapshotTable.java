package io.launcher.spi.storage.directory;

import io.launcher.api.AlreadyExistsException;
import io.launcher.api.FailedPreconditionException;
import io.launcher.api.InternalException;
import io.launcher.api.NotFoundException;
import io.launcher.spi.storage.SnapshotInfo;
import io.launcher.spi.storage.SnapshotKey;
import io.launcher.spi.storage.SnapshotKind;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The snapshots of one directory-based driver: {@code <stateDir>/snapshots/<n>/} with a
 * {@code meta} file (key, parent, kind) that is always replaced atomically. A directory without
 * {@code meta} is a creation or removal that did not finish, and is cleared on load.
 */
public final class SnapshotTable {
    private final Path snapshots;
    private final Map<SnapshotKey, StoredSnapshot> byKey = new LinkedHashMap<>();
    private long lastNumber;

    public SnapshotTable(Path stateDir) {
        this.snapshots = stateDir.resolve("snapshots");
        try {
            Files.createDirectories(snapshots);
            load();
        } catch (IOException e) {
            throw new InternalException("unable to load snapshots from " + snapshots + ": " + e.getMessage(), e);
        }
    }

    private void load() throws IOException {
        for (String name : LayerScan.sortedNames(snapshots)) {
            Path directory = snapshots.resolve(name);
            Optional<SnapshotInfo> info = SnapshotMeta.read(directory);
            if (info.isEmpty() || !name.chars().allMatch(Character::isDigit)) {
                Trees.delete(directory);
                continue;
            }
            lastNumber = Math.max(lastNumber, Long.parseLong(name));
            byKey.put(info.get().key(), new StoredSnapshot(info.get(), directory));
        }
    }

    /** Creates {@code snapshots/<n>/fs}, lets the driver add its own directories, then records it. */
    public synchronized StoredSnapshot create(SnapshotKey key, Optional<SnapshotKey> parent, SnapshotKind kind,
                                              DirectoryPreparer preparer) {
        if (byKey.containsKey(key)) {
            throw new AlreadyExistsException("snapshot " + key + " already exists");
        }
        if (parent.isPresent() && get(parent.get()).info().kind() != SnapshotKind.COMMITTED) {
            throw new FailedPreconditionException("parent snapshot " + parent.get() + " is not committed");
        }
        SnapshotInfo info = new SnapshotInfo(key, parent, kind);
        try {
            Path directory = newDirectory();
            try {
                Files.createDirectory(directory.resolve("fs"));
                preparer.prepare(directory);
                SnapshotMeta.write(directory, info);
            } catch (IOException | RuntimeException e) {
                deleteAfterFailure(directory, e);
                throw e;
            }
            StoredSnapshot stored = new StoredSnapshot(info, directory);
            byKey.put(key, stored);
            return stored;
        } catch (IOException e) {
            throw new InternalException("unable to create snapshot " + key + ": " + e.getMessage(), e);
        }
    }

    private Path newDirectory() throws IOException {
        while (true) {
            Path candidate = snapshots.resolve(Long.toString(++lastNumber));
            try {
                return Files.createDirectory(candidate);
            } catch (FileAlreadyExistsException e) {
                // Left by a crash between mkdir and meta, or by another table: take the next number.
            }
        }
    }

    public synchronized StoredSnapshot get(SnapshotKey key) {
        StoredSnapshot stored = byKey.get(key);
        if (stored == null) {
            throw new NotFoundException("snapshot " + key + " not found");
        }
        return stored;
    }

    /** The parents of a snapshot, nearest first. */
    public synchronized List<StoredSnapshot> parents(StoredSnapshot snapshot) {
        List<StoredSnapshot> chain = new ArrayList<>();
        Optional<SnapshotKey> parent = snapshot.info().parent();
        while (parent.isPresent()) {
            StoredSnapshot next = get(parent.get());
            chain.add(next);
            parent = next.info().parent();
        }
        return chain;
    }

    /** Turns an active snapshot into a committed one by replacing its meta file (one rename). */
    public synchronized void commit(SnapshotKey name, SnapshotKey active) {
        StoredSnapshot stored = get(active);
        if (stored.info().kind() != SnapshotKind.ACTIVE) {
            throw new FailedPreconditionException("snapshot " + active + " is not active");
        }
        if (byKey.containsKey(name)) {
            throw new AlreadyExistsException("snapshot " + name + " already exists");
        }
        SnapshotInfo committed = new SnapshotInfo(name, stored.info().parent(), SnapshotKind.COMMITTED);
        try {
            SnapshotMeta.write(stored.directory(), committed);
        } catch (IOException e) {
            throw new InternalException("unable to commit snapshot " + active + ": " + e.getMessage(), e);
        }
        byKey.remove(active);
        byKey.put(name, new StoredSnapshot(committed, stored.directory()));
    }

    /** Removes a snapshot that no other snapshot has as its parent. */
    public synchronized void remove(SnapshotKey key) {
        StoredSnapshot stored = get(key);
        for (StoredSnapshot other : byKey.values()) {
            if (other.info().parent().equals(Optional.of(key))) {
                throw new FailedPreconditionException("snapshot " + key + " is the parent of " + other.info().key());
            }
        }
        try {
            // Dropping meta first makes the removal final even if deleting the tree is cut short.
            SnapshotMeta.delete(stored.directory(), stored.info().kind());
            byKey.remove(key);
            Trees.delete(stored.directory());
        } catch (IOException e) {
            throw new InternalException("unable to remove snapshot " + key + ": " + e.getMessage(), e);
        }
    }

    public synchronized List<StoredSnapshot> all() {
        return List.copyOf(byKey.values());
    }

    private static void deleteAfterFailure(Path directory, Exception failure) {
        try {
            Trees.delete(directory);
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }

    /** What a driver adds to a new snapshot directory beside {@code fs}. */
    @FunctionalInterface
    public interface DirectoryPreparer {
        void prepare(Path directory) throws IOException;
    }
}
