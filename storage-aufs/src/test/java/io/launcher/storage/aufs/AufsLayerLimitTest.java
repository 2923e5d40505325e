package io.launcher.storage.aufs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.launcher.api.FailedPreconditionException;
import io.launcher.spi.storage.LayerLimit;
import io.launcher.spi.storage.SnapshotKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** AUFS cannot bound a branch: {@code --storage-opt size} is refused in Docker's words, leaving nothing. */
class AufsLayerLimitTest {

    @TempDir
    Path state;

    @Test
    void aBoundedLayerIsRefusedAndNothingIsCreated() throws IOException {
        AufsStorageDriver driver = new AufsStorageDriver(state);
        FailedPreconditionException refused = assertThrows(FailedPreconditionException.class,
                () -> driver.prepare(new SnapshotKey("c1"), Optional.empty(), new LayerLimit(10L << 20)));
        assertEquals("--storage-opt is not supported for aufs", refused.getMessage());
        try (Stream<Path> left = Files.list(state.resolve("snapshots"))) {
            assertEquals(List.of(), left.toList());
        }
    }
}
