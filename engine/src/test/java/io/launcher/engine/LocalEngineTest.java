package io.launcher.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.launcher.api.AlreadyExistsException;
import io.launcher.api.ContainerConfig;
import io.launcher.api.ContainerId;
import io.launcher.api.ContainerStatus;
import io.launcher.api.FailedPreconditionException;
import io.launcher.api.HostConfig;
import io.launcher.api.ImageId;
import io.launcher.api.ImageReference;
import io.launcher.api.ImportRequest;
import io.launcher.api.LogCursor;
import io.launcher.api.LogEntry;
import io.launcher.api.LogOptions;
import io.launcher.api.NetworkMode;
import io.launcher.api.NotFoundException;
import io.launcher.api.ProgressListener;
import io.launcher.api.ResourceLimits;
import io.launcher.api.UnavailableException;
import io.launcher.api.WaitCondition;
import io.launcher.spi.storage.SnapshotKey;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.CompletableFuture;
import java.util.Optional;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine's policy against hand-written fakes of the storage and isolation SPIs. */
class LocalEngineTest {
    private static final HostConfig NONE = new HostConfig(false, NetworkMode.NONE, ResourceLimits.NONE, List.of(), false, List.of(), List.of(), List.of(), false);

    @TempDir
    Path root;
    private final FakeStorage storage = new FakeStorage();
    private final FakeIsolation isolation = new FakeIsolation();
    private LocalEngine engine;

    @BeforeEach
    void open() throws IOException {
        engine = reopen();
        engine.importImage(new ByteArrayInputStream(tarball()), new ImportRequest(Optional.of(ImageReference.parse("base")),
                List.of("CMD [\"echo\", \"from-image\"]"), "first"), ProgressListener.NONE);
    }

    private LocalEngine reopen() {
        return LocalEngine.open(new EngineSettings(root, root.resolve("plugins"), Optional.empty(), Optional.empty()),
                new Providers(List.of(isolation), List.of(storage), List.of()));
    }

    @Test
    void importTagsTheImageAndWritesTheTagFileTheScriptGreps() throws IOException {
        assertEquals(List.of("base:latest"), engine.image("base").repoTags());
        assertEquals(List.of("echo", "from-image"), engine.image("base").config().cmd());
        assertTrue(Files.readString(root.resolve("images/repositories.json")).contains("\"base:latest\""));
        ImageId id = engine.image("base").id();
        assertEquals(id, engine.image(id.toString()).id());
        assertEquals(id, engine.image(id.shortId()).id());
    }

    @Test
    void runPrintsOutputAndExitCode() throws Exception {
        ContainerId id = engine.create(Optional.empty(), ContainerConfig.of("base", List.of("echo", "hello")), NONE);
        LogCursor attached = engine.attach(id.value(), true, true);
        engine.start(id.value());
        assertEquals("hello\n", readAll(attached));
        assertEquals(0, engine.await(id.value(), WaitCondition.NOT_RUNNING));
        assertEquals(ContainerStatus.EXITED, engine.container(id.value()).state().status());
    }

    @Test
    void theImageCommandIsTheDefault() throws Exception {
        ContainerId id = engine.create(Optional.empty(), ContainerConfig.of("base", List.of()), NONE);
        engine.start(id.value());
        engine.await(id.value(), WaitCondition.NOT_RUNNING);
        assertEquals("from-image\n", readAll(engine.logs(id.value(), LogOptions.all())));
    }

    @Test
    void exitCodesAreKept() throws Exception {
        ContainerId id = engine.create(Optional.of("three"), ContainerConfig.of("base", List.of("exit", "3")), NONE);
        engine.start("three");
        assertEquals(3, engine.await("three", WaitCondition.NOT_RUNNING));
        assertEquals(3, engine.container(id.shortId()).state().exitCode());
    }

    @Test
    void autoRemoveRemovesTheContainerAndItsSnapshot() throws Exception {
        HostConfig rm = new HostConfig(true, NetworkMode.NONE, ResourceLimits.NONE, List.of(), false, List.of(), List.of(), List.of(), false);
        ContainerId id = engine.create(Optional.empty(), ContainerConfig.of("base", List.of("exit", "4")), rm);
        engine.start(id.value());
        assertEquals(4, engine.await(id.value(), WaitCondition.REMOVED));
        assertThrows(NotFoundException.class, () -> engine.container(id.value()));
        assertFalse(storage.snapshots.containsKey(new SnapshotKey(id.value())));
        assertFalse(Files.exists(root.resolve("containers").resolve(id.value())));
    }

    @Test
    void aRunningContainerIsRemovedOnlyByForce() throws Exception {
        ContainerId id = engine.create(Optional.empty(), ContainerConfig.of("base", List.of("sleep")), NONE);
        engine.start(id.value());
        assertThrows(FailedPreconditionException.class, () -> engine.remove(id.value(), false));
        engine.remove(id.value(), true);
        assertTrue(engine.containers(true).isEmpty());
    }

    @Test
    void stopSendsTermAndRecordsTheSignal() throws Exception {
        ContainerId id = engine.create(Optional.empty(), ContainerConfig.of("base", List.of("sleep")), NONE);
        engine.start(id.value());
        assertEquals(1, engine.containers(false).size());
        engine.stop(id.value(), 10);
        assertEquals(128 + 15, engine.container(id.value()).state().exitCode());
        assertTrue(engine.containers(false).isEmpty());
    }

    @Test
    void namesAreUnique() {
        engine.create(Optional.of("web"), ContainerConfig.of("base", List.of("sleep")), NONE);
        assertThrows(AlreadyExistsException.class,
                () -> engine.create(Optional.of("web"), ContainerConfig.of("base", List.of("sleep")), NONE));
    }

    @Test
    void anUnknownImageIsNotFound() {
        NotFoundException e = assertThrows(NotFoundException.class,
                () -> engine.create(Optional.empty(), ContainerConfig.of("nothere", List.of("echo")), NONE));
        assertEquals("No such image: nothere:latest", e.getMessage());
    }

    @Test
    void theBridgeWithoutANetworkPluginIsUnavailable() {
        HostConfig bridge = new HostConfig(false, NetworkMode.BRIDGE, ResourceLimits.NONE, List.of(), false, List.of(), List.of(), List.of(), false);
        ContainerId id = engine.create(Optional.empty(), ContainerConfig.of("base", List.of("echo")), bridge);
        assertThrows(UnavailableException.class, () -> engine.start(id.value()));
    }

    @Test
    void aRestartedEngineReadoptsRunningContainersAndSeesTheirExit() throws Exception {
        ContainerId id = engine.create(Optional.empty(), ContainerConfig.of("base", List.of("sleep")), NONE);
        engine.start(id.value());
        engine.close();
        LocalEngine restarted = reopen();
        assertTrue(restarted.container(id.value()).state().running());
        isolation.sandboxes.get(id).signal(9, io.launcher.spi.isolation.SignalTarget.INIT);
        assertEquals(137, restarted.await(id.value(), WaitCondition.NOT_RUNNING));
    }

    /** Testcontainers kills, then force-removes at once: the exit is still on its way. */
    @Test
    void forceRemovalRightAfterAKillWaitsForTheExitInsteadOfFailing() throws Exception {
        ContainerId id = engine.create(Optional.empty(), ContainerConfig.of("base", List.of("sleep")), NONE);
        engine.start(id.value());
        FakeIsolation.FakeSandbox sandbox = isolation.sandboxes.get(id);
        sandbox.holdExit = true;
        engine.kill(id.value(), "KILL");
        CompletableFuture<Void> removal = CompletableFuture.runAsync(() -> engine.remove(id.value(), true));
        Thread.sleep(100);
        assertFalse(removal.isDone(), "the removal waits for the exit");
        sandbox.deliverExit();
        removal.get(10, TimeUnit.SECONDS);
        assertThrows(NotFoundException.class, () -> engine.container(id.value()));
    }

    @Test
    void anInterruptedImportLeavesNothingAfterARestart() {
        storage.prepare(new SnapshotKey(ImageImporter.TEMP_PREFIX + "cut-short"), Optional.empty());
        reopen();
        assertFalse(storage.snapshots.containsKey(new SnapshotKey(ImageImporter.TEMP_PREFIX + "cut-short")));
    }

    @Test
    void infoNamesTheChosenBackends() {
        var info = engine.info();
        assertEquals("fake", info.isolationBackend());
        assertEquals("fake", info.storageDriver());
        assertEquals(1, info.images());
    }

    private static String readAll(LogCursor cursor) throws Exception {
        StringBuilder text = new StringBuilder();
        try (cursor) {
            for (Optional<LogEntry> e = cursor.next(); e.isPresent(); e = cursor.next()) {
                text.append(new String(e.get().data(), StandardCharsets.UTF_8));
            }
        }
        return text.toString();
    }

    static byte[] tarball() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            TarArchiveEntry dir = new TarArchiveEntry("bin/");
            tar.putArchiveEntry(dir);
            tar.closeArchiveEntry();
            byte[] content = "#!/bin/sh\n".getBytes(StandardCharsets.UTF_8);
            TarArchiveEntry file = new TarArchiveEntry("bin/sh");
            file.setSize(content.length);
            file.setMode(0755);
            tar.putArchiveEntry(file);
            tar.write(content);
            tar.closeArchiveEntry();
        }
        return bytes.toByteArray();
    }
}
