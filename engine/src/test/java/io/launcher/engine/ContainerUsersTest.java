package io.launcher.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.launcher.api.ContainerConfig;
import io.launcher.api.ContainerId;
import io.launcher.api.ExecConfig;
import io.launcher.api.HostConfig;
import io.launcher.api.ImageReference;
import io.launcher.api.ImportRequest;
import io.launcher.api.InvalidSpecException;
import io.launcher.api.NetworkMode;
import io.launcher.api.ProgressListener;
import io.launcher.api.ResourceLimits;
import io.launcher.spi.isolation.ProcessSpec;
import io.launcher.spi.storage.FileAttributes;
import io.launcher.spi.storage.LayerEntry;
import io.launcher.spi.storage.SnapshotKey;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Docker's {@code -u user[:group]} against the container's own /etc/passwd and /etc/group. */
class ContainerUsersTest {
    private static final FileAttributes ATTRS = new FileAttributes(0644, 0, 0, Instant.EPOCH, Map.of());
    private static final String PASSWD = """
            root:x:0:0:root:/root:/bin/sh
            # a comment
            daemon:x:2:2:daemon:/sbin:/sbin/nologin
            alice:x:1000:1000:Alice:/home/alice:/bin/sh
            nobody:x:65534:65534:nobody:/nonexistent:/bin/false
            """;
    private static final String GROUP = """
            root:x:0:root
            wheel:x:10:root,alice
            staff:x:50:alice
            alice:x:1000:
            nogroup:x:65534:
            """;
    private static final HostConfig NONE = new HostConfig(false, NetworkMode.NONE, ResourceLimits.NONE, List.of(), false,
            List.of(), List.of(), List.of(), false);

    @TempDir
    Path root;

    private static ContainerUsers.ExecUser resolve(String spec) {
        return ContainerUsers.resolve(spec, PASSWD, GROUP);
    }

    @Test
    void aNameTakesItsUidPrimaryGroupHomeAndSupplementaryGroups() {
        var alice = resolve("alice");
        assertEquals(1000, alice.uid());
        assertEquals(1000, alice.gid());
        assertEquals(List.of(10, 50), alice.additionalGids());
        assertEquals("/home/alice", alice.homeOrDefault());
    }

    @Test
    void theEmptyUserIsRootWithRootsGroups() {
        var root = resolve("");
        assertEquals(0, root.uid());
        assertEquals(0, root.gid());
        assertEquals(List.of(0, 10), root.additionalGids());
        assertEquals("/root", root.homeOrDefault());
        assertEquals(root, resolve("root"));
        assertEquals(root, resolve("0"));
    }

    @Test
    void anExplicitGroupByNameOrNumberReplacesThePrimaryAndDropsSupplementaryGroups() {
        assertEquals(new ContainerUsers.ExecUser(1000, 50, List.of(), Optional.of("/home/alice")), resolve("alice:staff"));
        assertEquals(new ContainerUsers.ExecUser(65534, 0, List.of(), Optional.of("/nonexistent")), resolve("nobody:root"));
        assertEquals(new ContainerUsers.ExecUser(1000, 10, List.of(), Optional.of("/home/alice")), resolve("1000:wheel"));
        assertEquals(new ContainerUsers.ExecUser(1000, 4242, List.of(), Optional.of("/home/alice")), resolve("alice:4242"));
    }

    @Test
    void numbersNeedNoEntries() {
        assertEquals(new ContainerUsers.ExecUser(4000, 0, List.of(), Optional.empty()), resolve("4000"));
        assertEquals(new ContainerUsers.ExecUser(4000, 4001, List.of(), Optional.empty()), resolve("4000:4001"));
        assertEquals("/", resolve("4000").homeOrDefault());
        assertEquals(new ContainerUsers.ExecUser(7, 8, List.of(), Optional.empty()), ContainerUsers.resolve("7:8", "", ""));
    }

    @Test
    void missingNamesAreDockersErrors() {
        assertEquals("unable to find user bob: no matching entries in passwd file",
                assertThrows(InvalidSpecException.class, () -> resolve("bob")).getMessage());
        assertEquals("unable to find user nobody: no matching entries in passwd file",
                assertThrows(InvalidSpecException.class, () -> ContainerUsers.resolve("nobody", "", "")).getMessage());
        assertEquals("unable to find group nope: no matching entries in group file",
                assertThrows(InvalidSpecException.class, () -> resolve("alice:nope")).getMessage());
        assertThrows(InvalidSpecException.class, () -> resolve("-1"));
        assertThrows(InvalidSpecException.class, () -> resolve("99999999999"));
    }

    @Test
    void filesAreReadFromTheTopMostLayerAndWhiteoutsHideThem() throws IOException {
        FakeStorage storage = new FakeStorage();
        SnapshotKey image = new SnapshotKey("image");
        SnapshotKey container = new SnapshotKey("container");
        storage.prepare(new SnapshotKey("image-active"), Optional.empty());
        storage.write(new SnapshotKey("image-active"), dir("etc"), file("etc/passwd", "old"), file("etc/group", "g"),
                file("etc/shadow", "s"));
        storage.commit(image, new SnapshotKey("image-active"));
        storage.prepare(container, Optional.of(image));
        ContainerFiles files = new ContainerFiles(storage);
        assertEquals("old", new String(files.read(container, "/etc/passwd").orElseThrow(), StandardCharsets.UTF_8));

        storage.write(container, file("etc/passwd", "new"), new LayerEntry.Whiteout("etc/shadow"),
                new LayerEntry.Symlink("etc/link", ATTRS, "../etc/./group"), new LayerEntry.Hardlink("etc/hard", "etc/passwd"));
        assertEquals("new", new String(files.read(container, "/etc/passwd").orElseThrow(), StandardCharsets.UTF_8));
        assertTrue(files.read(container, "/etc/shadow").isEmpty());
        assertTrue(files.read(container, "/etc/missing").isEmpty());
        assertTrue(files.read(container, "/etc").isEmpty());
        assertEquals("g", new String(files.read(container, "/etc/link").orElseThrow(), StandardCharsets.UTF_8));
        assertEquals("new", new String(files.read(container, "/etc/hard").orElseThrow(), StandardCharsets.UTF_8));

        storage.write(container, new LayerEntry.OpaqueDirectory("etc"));
        storage.layers.get(container).removeIf(s -> !s.entry().path().equals("etc"));
        assertTrue(files.read(container, "/etc/group").isEmpty());
    }

    @Test
    void startAndExecResolveAgainstTheContainersCurrentFiles() throws Exception {
        FakeIsolation isolation = new FakeIsolation();
        FakeStorage storage = new FakeStorage();
        LocalEngine engine = LocalEngine.open(new EngineSettings(root, root.resolve("plugins"), Optional.empty(), Optional.empty()),
                new Providers(List.of(isolation), List.of(storage), List.of()));
        engine.importImage(new ByteArrayInputStream(LocalEngineTest.tarball()), new ImportRequest(Optional.of(ImageReference.parse("base")),
                List.of(), "first"), ProgressListener.NONE);
        ContainerConfig config = new ContainerConfig("base", List.of("sleep"), List.of(), List.of(), "", "alice", "", false, false,
                false, Map.of(), List.of());
        ContainerId id = engine.create(Optional.empty(), config, NONE);
        InvalidSpecException missing = assertThrows(InvalidSpecException.class, () -> engine.start(id.value()));
        assertEquals("unable to find user alice: no matching entries in passwd file", missing.getMessage());

        storage.write(new SnapshotKey(id.value()), dir("etc"), file("etc/passwd", PASSWD), file("etc/group", GROUP));
        engine.start(id.value());
        ProcessSpec process = isolation.sandboxes.get(id).spec.process();
        assertEquals(1000, process.uid());
        assertEquals(1000, process.gid());
        assertEquals(List.of(10, 50), process.additionalGids());
        assertTrue(process.env().contains("HOME=/home/alice"), process.env().toString());

        String exec = engine.createExec(id.value(), new ExecConfig(List.of("id"), List.of(), "", "nobody:wheel", false, false, true, true));
        engine.startExec(exec);
        ProcessSpec execProcess = isolation.sandboxes.get(id).execs.get(0).spec;
        assertEquals(65534, execProcess.uid());
        assertEquals(10, execProcess.gid());
        assertTrue(execProcess.env().contains("HOME=/nonexistent"), execProcess.env().toString());
        assertEquals("unable to find user bob: no matching entries in passwd file", assertThrows(InvalidSpecException.class,
                () -> engine.createExec(id.value(), new ExecConfig(List.of("id"), List.of(), "", "bob", false, false, true, true)))
                .getMessage());
        engine.remove(id.value(), true);
        engine.close();
    }

    private static LayerEntry.Directory dir(String path) {
        return new LayerEntry.Directory(path, new FileAttributes(0755, 0, 0, Instant.EPOCH, Map.of()));
    }

    private static LayerEntry.RegularFile file(String path, String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        return new LayerEntry.RegularFile(path, ATTRS, bytes.length, new ByteArrayInputStream(bytes));
    }
}
