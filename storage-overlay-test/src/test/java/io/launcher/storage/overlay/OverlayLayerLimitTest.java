package io.launcher.storage.overlay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.launcher.api.FailedPreconditionException;
import io.launcher.spi.storage.LayerLimit;
import io.launcher.spi.storage.SnapshotKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The overlay driver's bounded layers against a recording fake of the kernel's project quotas. */
class OverlayLayerLimitTest {
    private static final LayerLimit TEN_MIB = new LayerLimit(10L << 20);

    @TempDir
    Path state;

    private final RecordingProjectQuotas kernel = new RecordingProjectQuotas();

    @Test
    void aBoundedLayerTagsItsDirectoryUpperAndWorkDirWithItsOwnProjectAndLimitsIt() throws IOException {
        OverlayStorageDriver driver = new OverlayStorageDriver(state, kernel);
        driver.prepare(new SnapshotKey("c1"), Optional.empty(), TEN_MIB);
        Path directory = snapshotDirectory();
        int id = kernel.project(directory);
        assertTrue(id > 0);
        assertEquals(id, kernel.project(directory.resolve("fs")));
        assertEquals(id, kernel.project(directory.resolve("work")));
        assertEquals(Map.of(id, 10L << 20), kernel.limits);
    }

    @Test
    void removingTheSnapshotClearsItsLimitAndLeavesNothing() throws IOException {
        OverlayStorageDriver driver = new OverlayStorageDriver(state, kernel);
        driver.prepare(new SnapshotKey("c1"), Optional.empty(), TEN_MIB);
        driver.remove(new SnapshotKey("c1"));
        assertEquals(Map.of(), kernel.limits);
        try (Stream<Path> left = Files.list(state.resolve("snapshots"))) {
            assertEquals(0, left.count());
        }
    }

    @Test
    void idsNeverRepeatNotAcrossRemovalsRestartsOrIdsTheFilesystemAlreadyCounts() throws IOException {
        kernel.counted.add(2);
        OverlayStorageDriver driver = new OverlayStorageDriver(state, kernel);
        driver.prepare(new SnapshotKey("a"), Optional.empty(), TEN_MIB);
        int first = kernel.project(snapshotDirectory());
        driver.remove(new SnapshotKey("a"));
        OverlayStorageDriver restarted = new OverlayStorageDriver(state, kernel);
        restarted.prepare(new SnapshotKey("b"), Optional.empty(), TEN_MIB);
        int second = kernel.project(snapshotDirectory());
        assertEquals(1, first);
        assertEquals(3, second, "2 is counted by the filesystem, 1 was handed out before");
    }

    @Test
    void theStateDirectorysOwnProjectIsNeitherHandedOutNorCleared() throws IOException {
        kernel.assign(state, 7);
        kernel.limit(state, 7, 1L << 30);
        OverlayStorageDriver driver = new OverlayStorageDriver(state, kernel);
        // A layer without a bound inherits the state directory's project, as a fresh mkdir would.
        driver.prepare(new SnapshotKey("plain"), Optional.empty());
        kernel.assign(snapshotDirectory(), 7);
        kernel.assign(state.resolve("snapshots"), 7);
        driver.prepare(new SnapshotKey("bounded"), Optional.empty(), TEN_MIB);
        driver.remove(new SnapshotKey("plain"));
        assertEquals(Map.of(7, 1L << 30, 8, 10L << 20), kernel.limits, "8: the first id above the state's own");
    }

    @Test
    void aFilesystemWithoutProjectQuotasIsRefusedInDockerWordsAndNothingIsCreated() throws IOException {
        kernel.enabled = false;
        OverlayStorageDriver driver = new OverlayStorageDriver(state, kernel);
        FailedPreconditionException refused = assertThrows(FailedPreconditionException.class,
                () -> driver.prepare(new SnapshotKey("c1"), Optional.empty(), TEN_MIB));
        assertEquals("--storage-opt is supported only for overlay over xfs with 'pquota' mount option",
                refused.getMessage());
        try (Stream<Path> left = Files.list(state.resolve("snapshots"))) {
            assertEquals(List.of(), left.toList());
        }
        driver.prepare(new SnapshotKey("c1"), Optional.empty());
        driver.remove(new SnapshotKey("c1"));
    }

    private Path snapshotDirectory() throws IOException {
        try (Stream<Path> snapshots = Files.list(state.resolve("snapshots"))) {
            return snapshots.max(Path::compareTo).orElseThrow();
        }
    }
}
