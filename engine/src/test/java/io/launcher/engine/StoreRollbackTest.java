package io.launcher.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.launcher.api.ContainerConfig;
import io.launcher.api.ContainerId;
import io.launcher.api.HostConfig;
import io.launcher.api.ImageReference;
import io.launcher.api.ImportRequest;
import io.launcher.api.NetworkMode;
import io.launcher.api.NotFoundException;
import io.launcher.api.ProgressListener;
import io.launcher.api.ResourceLimits;
import io.launcher.spi.storage.SnapshotKey;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Container records are written without fsync: what a power loss can leave behind (a removal cut
 * after its snapshot went, an empty record) must not keep the engine from starting, nor a
 * container from being removed.
 */
class StoreRollbackTest {
    private static final HostConfig NONE = new HostConfig(false, NetworkMode.NONE, ResourceLimits.NONE, List.of(), false,
            List.of(), List.of(), List.of(), false);

    @TempDir
    Path root;
    private final FakeStorage storage = new FakeStorage();
    private final FakeIsolation isolation = new FakeIsolation();
    private LocalEngine engine;

    @BeforeEach
    void open() throws IOException {
        engine = reopen();
        engine.importImage(new ByteArrayInputStream(LocalEngineTest.tarball()), new ImportRequest(
                Optional.of(ImageReference.parse("base")), List.of(), "base"), ProgressListener.NONE);
    }

    @AfterEach
    void close() {
        engine.close();
    }

    private LocalEngine reopen() {
        return LocalEngine.open(new EngineSettings(root, root.resolve("plugins"), Optional.empty(), Optional.empty()),
                new Providers(List.of(isolation), List.of(storage), List.of()));
    }

    @Test
    void aRecordWhoseSnapshotIsGoneIsListedAndRemovable() {
        ContainerId gone = engine.create(Optional.of("gone"), ContainerConfig.of("base", List.of("true")), NONE);
        engine.close();
        storage.remove(new SnapshotKey(gone.value()));
        engine = reopen();
        assertEquals(gone, engine.container("gone").id());
        engine.remove("gone", false);
        assertThrows(NotFoundException.class, () -> engine.container("gone"));
        assertFalse(Files.exists(root.resolve("containers/" + gone.value() + ".json")));
    }

    @Test
    void anEmptyRecordIsSetAsideAndTheEngineStarts() throws IOException {
        ContainerId torn = engine.create(Optional.of("torn"), ContainerConfig.of("base", List.of("true")), NONE);
        ContainerId kept = engine.create(Optional.of("kept"), ContainerConfig.of("base", List.of("true")), NONE);
        engine.close();
        Path record = root.resolve("containers/" + torn.value() + ".json");
        Files.write(record, new byte[0]);
        engine = reopen();
        assertThrows(NotFoundException.class, () -> engine.container("torn"));
        assertTrue(Files.exists(record.resolveSibling(torn.value() + ".json.damaged")));
        assertEquals(kept, engine.container("kept").id());
    }
}
