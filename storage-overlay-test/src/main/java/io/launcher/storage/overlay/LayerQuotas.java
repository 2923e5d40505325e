package io.launcher.storage.overlay;

import io.launcher.api.FailedPreconditionException;
import io.launcher.api.InternalException;
import io.launcher.spi.storage.LayerLimit;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Bounds a snapshot's own layer with a project quota, as Docker's overlay2 does for
 * {@code --storage-opt size}: the snapshot directory (upper and work dirs both, as copy-up stages
 * files in the work dir) gets a project id of its own and a hard block limit on it.
 *
 * <p>Ids come from a counter kept in {@code <stateDir>/project-id}, so they are never handed out
 * twice, not even after a restart; an id that the filesystem already counts (another tree tagged by
 * hand, a snapshot lost in a crash) or that the state directory itself carries is skipped.
 */
final class LayerQuotas {
    /** Docker's own words, so users and scripts see the message they know. */
    static final String UNSUPPORTED = "--storage-opt is supported only for overlay over xfs with 'pquota' mount option";

    private final Path stateDir;
    private final Path counter;
    private final ProjectQuotas quotas;

    LayerQuotas(Path stateDir, ProjectQuotas quotas) {
        this.stateDir = stateDir;
        this.counter = stateDir.resolve("project-id");
        this.quotas = quotas;
    }

    /** Tags {@code directory} and what the driver put in it with a new project and bounds it. */
    void limit(Path directory, List<Path> inside, LayerLimit limit) {
        if (!quotas.enabled(stateDir)) {
            throw new FailedPreconditionException(UNSUPPORTED);
        }
        int id = nextId();
        quotas.assign(directory, id);
        // Already created: they do not inherit, so each is tagged.
        inside.forEach(path -> quotas.assign(path, id));
        // The limit last: a failure before it leaves nothing that outlives the directory.
        quotas.limit(stateDir, id, limit.sizeBytes());
    }

    /** What removing {@code directory} must clear: its project's limit, if it has one of its own. */
    Runnable releaseOnRemove(Path directory) {
        if (!quotas.enabled(stateDir)) {
            return () -> { };
        }
        int id = quotas.project(directory);
        if (id == 0 || id == quotas.project(directory.getParent())) {
            // No project, or one inherited from above that is not ours to clear.
            return () -> { };
        }
        return () -> quotas.limit(stateDir, id, 0);
    }

    private synchronized int nextId() {
        int base = quotas.project(stateDir);
        int id = Math.max(last(), base);
        do {
            id++;
            if (id <= 0) {
                throw new FailedPreconditionException("no free project id left on the filesystem of " + stateDir);
            }
        } while (quotas.inUse(stateDir, id));
        store(id);
        return id;
    }

    private int last() {
        try {
            return Files.exists(counter) ? Integer.parseInt(Files.readString(counter).trim()) : 0;
        } catch (IOException | NumberFormatException e) {
            throw new InternalException("unable to read the project id counter " + counter + ": " + e.getMessage(), e);
        }
    }

    /** Written aside and renamed, so a crash leaves the old value or the new one, never half of one. */
    private void store(int id) {
        Path temp = counter.resolveSibling("project-id.tmp");
        try {
            Files.writeString(temp, Integer.toString(id), StandardCharsets.US_ASCII);
            Files.move(temp, counter, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new InternalException("unable to store the project id counter " + counter + ": " + e.getMessage(), e);
        }
    }
}
