package io.launcher.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.launcher.api.CommitRequest;
import io.launcher.api.ContainerConfig;
import io.launcher.api.ContainerId;
import io.launcher.api.Digest;
import io.launcher.api.FailedPreconditionException;
import io.launcher.api.FilesystemChange;
import io.launcher.api.HostConfig;
import io.launcher.api.ImageDeletion;
import io.launcher.api.ImageDetails;
import io.launcher.api.ImageHistory;
import io.launcher.api.ImageId;
import io.launcher.api.ImageReference;
import io.launcher.api.ImportRequest;
import io.launcher.api.NetworkMode;
import io.launcher.api.NotFoundException;
import io.launcher.api.ProgressListener;
import io.launcher.api.ResourceLimits;
import io.launcher.spi.storage.FileAttributes;
import io.launcher.spi.storage.LayerEntry;
import io.launcher.spi.storage.SnapshotKey;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** commit, diff, export, history, tag and rmi policy against the in-memory storage fake. */
class ImagePolicyTest {
    private static final HostConfig NONE = new HostConfig(false, NetworkMode.NONE, ResourceLimits.NONE, List.of(), false, List.of(), List.of());
    private static final FileAttributes ATTRS = new FileAttributes(0644, 0, 0, Instant.EPOCH, Map.of());
    private static final FileAttributes DIR = new FileAttributes(0755, 0, 0, Instant.EPOCH, Map.of());

    @TempDir
    Path root;
    private final FakeStorage storage = new FakeStorage();
    private final FakeIsolation isolation = new FakeIsolation();
    private LocalEngine engine;
    private ImageId base;

    @BeforeEach
    void open() throws IOException {
        engine = reopen();
        base = engine.importImage(new ByteArrayInputStream(LocalEngineTest.tarball()),
                new ImportRequest(Optional.of(ImageReference.parse("base")), List.of(), "first"), ProgressListener.NONE);
    }

    private LocalEngine reopen() {
        return LocalEngine.open(new EngineSettings(root, root.resolve("plugins"), Optional.empty(), Optional.empty()),
                new Providers(List.of(isolation), List.of(storage), List.of()));
    }

    private ContainerId container(String image) {
        return engine.create(Optional.empty(), ContainerConfig.of(image, List.of("echo", "hello")), NONE);
    }

    private void write(ContainerId id, LayerEntry... entries) throws IOException {
        storage.write(new SnapshotKey(id.value()), entries);
    }

    private static LayerEntry.RegularFile file(String path, String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        return new LayerEntry.RegularFile(path, ATTRS, bytes.length, new ByteArrayInputStream(bytes));
    }

    private static LayerEntry.Directory dir(String path) {
        return new LayerEntry.Directory(path, DIR);
    }

    private ContainerId changedContainer() throws IOException {
        ContainerId id = container("base");
        write(id, dir("bin"), file("bin/new", "new"), new LayerEntry.Whiteout("bin/sh"), dir("etc"), file("etc/x", "x"));
        return id;
    }

    @Test
    void changesAreAddedChangedOrDeletedAgainstTheImage() throws IOException {
        ContainerId id = changedContainer();
        List<String> lines = engine.changes(id.value()).stream().map(c -> c.kind().letter() + " " + c.path()).toList();
        assertEquals(List.of("C /bin", "A /bin/new", "D /bin/sh", "A /etc", "A /etc/x"), lines);
        assertEquals(FilesystemChange.Kind.ADDED, FilesystemChange.Kind.of(1));
    }

    @Test
    void commitSharesTheImageLayersAndAddsOneLayerAndOneHistoryStep() throws IOException {
        ContainerId id = changedContainer();
        ImageId committed = engine.commit(id.value(), new CommitRequest(Optional.of(ImageReference.parse("snap:v1")),
                "a message", "me", List.of("ENV A=b")));
        ImageDetails image = engine.image("snap:v1");
        assertEquals(committed, image.id());
        assertEquals(2, image.diffIds().size());
        assertEquals(engine.image("base").diffIds().get(0), image.diffIds().get(0));
        assertEquals(List.of("echo", "hello"), image.config().cmd());
        assertTrue(image.config().env().contains("A=b"));
        assertEquals("me", image.author());
        List<ImageHistory> history = engine.history("snap:v1");
        assertEquals(2, history.size());
        assertEquals(committed.toString(), history.get(0).id());
        assertEquals("echo hello", history.get(0).createdBy());
        assertEquals("a message", history.get(0).comment());
        assertEquals(List.of("snap:v1"), history.get(0).tags());
        assertTrue(history.get(0).size() > 0);
        assertEquals(ImageHistory.MISSING, history.get(1).id());
        assertEquals("launcher import", history.get(1).createdBy());

        ContainerId child = container("snap:v1");
        Map<String, String> files = export(child);
        assertEquals("new", files.get("bin/new"));
        assertEquals("x", files.get("etc/x"));
        assertFalse(files.containsKey("bin/sh"));
        assertTrue(engine.changes(child.value()).isEmpty());
    }

    @Test
    void exportMergesTheContainerLayerOverTheImageWithoutWhiteouts() throws IOException {
        ContainerId id = container("base");
        assertEquals("#!/bin/sh\n", export(id).get("bin/sh"));
        write(id, dir("bin"), file("bin/sh", "replaced"), dir("etc"), file("etc/x", "x"));
        Map<String, String> files = export(id);
        assertEquals("replaced", files.get("bin/sh"));
        assertEquals("x", files.get("etc/x"));
        assertEquals(List.of("bin/", "bin/sh", "etc/", "etc/x"), List.copyOf(new java.util.TreeSet<>(files.keySet())));
        write(id, new LayerEntry.Whiteout("bin"));
        assertFalse(export(id).containsKey("bin/sh"));
    }

    @Test
    void exportShowsAHardLinkWhoseFirstNameAnUpperLayerReplaced() throws IOException {
        ContainerId id = container("base");
        write(id, dir("lib"), file("lib/a", "shared"), new LayerEntry.Hardlink("lib/b", "lib/a"));
        ImageId snap = engine.commit(id.value(), new CommitRequest(Optional.empty(), "", "", List.of()));
        ContainerId child = container(snap.toString());
        write(child, dir("lib"), file("lib/a", "mine"));
        Map<String, String> files = export(child);
        assertEquals("mine", files.get("lib/a"));
        assertEquals("shared", files.get("lib/b"));
    }

    /** The exported tar as path to content (directories end with a slash and map to ""). */
    private Map<String, String> export(ContainerId id) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        engine.export(id.value(), out);
        Map<String, String> files = new LinkedHashMap<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new ByteArrayInputStream(out.toByteArray()))) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                assertFalse(entry.getName().contains(".wh."), entry.getName());
                files.put(entry.getName(), new String(tar.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return files;
    }

    @Test
    void rmiOfTheLastTagOfAnImageInUseNeedsForceAndForceOnlyUntags() {
        ContainerId id = container("base");
        FailedPreconditionException refused = assertThrows(FailedPreconditionException.class,
                () -> engine.removeImage("base", false));
        assertEquals("conflict: unable to remove repository reference \"base\" (must force) - container "
                + id.value().substring(0, 12) + " is using its referenced image " + base.shortId(), refused.getMessage());
        assertEquals(List.of(ImageDeletion.untagged("base:latest")), engine.removeImage("base", true));
        assertEquals(base, engine.image(base.toString()).id());
        assertTrue(engine.image(base.toString()).repoTags().isEmpty());
    }

    @Test
    void rmiByIdIsRefusedForAStoppedContainerUnlessForcedAndNeverForARunningOne() throws Exception {
        ContainerId id = engine.create(Optional.empty(), ContainerConfig.of("base", List.of("sleep")), NONE);
        FailedPreconditionException stopped = assertThrows(FailedPreconditionException.class,
                () -> engine.removeImage(base.shortId(), false));
        assertTrue(stopped.getMessage().contains("(must be forced) - image is being used by stopped container"));
        engine.start(id.value());
        FailedPreconditionException running = assertThrows(FailedPreconditionException.class,
                () -> engine.removeImage(base.toString(), true));
        assertEquals("conflict: unable to delete " + base.shortId() + " (cannot be forced) - image is being used by running container "
                + id.value().substring(0, 12), running.getMessage());
        engine.kill(id.value(), "KILL");
        engine.await(id.value(), io.launcher.api.WaitCondition.NOT_RUNNING);
    }

    @Test
    void rmiByNameOfAnImageWithTwoTagsOnlyUntagsAndByIdNeedsForce() {
        engine.tag("base", ImageReference.parse("other:v2"));
        assertEquals(List.of("base:latest", "other:v2"), engine.image("base").repoTags());
        assertEquals(List.of(ImageDeletion.untagged("other:v2")), engine.removeImage("other:v2", false));
        engine.tag("base", ImageReference.parse("other:v2"));
        assertThrows(FailedPreconditionException.class, () -> engine.removeImage(base.toString(), false));
        List<ImageDeletion> removed = engine.removeImage(base.toString(), true);
        assertEquals(ImageDeletion.untagged("base:latest"), removed.get(0));
        assertEquals(ImageDeletion.untagged("other:v2"), removed.get(1));
        assertEquals(ImageDeletion.deleted(base.toString()), removed.get(2));
        assertThrows(NotFoundException.class, () -> engine.image(base.toString()));
    }

    @Test
    void rmiFreesOnlyTheLayersNoOtherImageUses() throws IOException {
        ContainerId id = changedContainer();
        ImageId snap = engine.commit(id.value(), new CommitRequest(Optional.of(ImageReference.parse("snap")), "", "", List.of()));
        engine.remove(id.value(), true);
        List<Digest> chain = chainIds(snap);
        List<ImageDeletion> removed = engine.removeImage("snap", false);
        assertEquals(List.of(ImageDeletion.untagged("snap:latest"), ImageDeletion.deleted(snap.toString()),
                ImageDeletion.deleted(chain.get(1).toString())), removed);
        assertTrue(storage.snapshots.containsKey(LayerStore.snapshotOf(chain.get(0))));
        assertFalse(storage.snapshots.containsKey(LayerStore.snapshotOf(chain.get(1))));
        assertEquals(List.of(ImageDeletion.untagged("base:latest"), ImageDeletion.deleted(base.toString()),
                ImageDeletion.deleted(chain.get(0).toString())), engine.removeImage("base", false));
        assertTrue(storage.snapshots.isEmpty());
        assertEquals(0, Files.list(root.resolve("layers")).count());
    }

    @Test
    void recoveryDropsLayersNoImageUsesAndCommitsCutShort() throws IOException {
        ContainerId id = changedContainer();
        ImageId snap = engine.commit(id.value(), new CommitRequest(Optional.empty(), "", "", List.of()));
        List<Digest> chain = chainIds(snap);
        engine.close();
        // As if the engine died after the layer but before the image config, and inside a commit.
        Files.delete(root.resolve("images/configs/" + snap.digest().hex() + ".json"));
        storage.prepare(new SnapshotKey(LayerCommit.TEMP_PREFIX + "cut-short"), Optional.of(LayerStore.snapshotOf(chain.get(0))));
        engine = reopen();
        assertFalse(storage.snapshots.containsKey(new SnapshotKey(LayerCommit.TEMP_PREFIX + "cut-short")));
        assertFalse(storage.snapshots.containsKey(LayerStore.snapshotOf(chain.get(1))));
        assertFalse(Files.exists(root.resolve("layers/" + chain.get(1).hex() + ".json")));
        assertTrue(storage.snapshots.containsKey(LayerStore.snapshotOf(chain.get(0))));
        assertEquals(base, engine.image("base").id());
    }

    private List<Digest> chainIds(ImageId image) {
        Digest parent = null;
        List<Digest> chain = new java.util.ArrayList<>();
        for (Digest diffId : engine.image(image.toString()).diffIds()) {
            parent = Sha256.chain(parent, diffId);
            chain.add(parent);
        }
        return chain;
    }
}
