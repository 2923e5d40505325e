package io.launcher.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.launcher.api.InvalidSpecException;
import io.launcher.spi.storage.FileAttributes;
import io.launcher.spi.storage.LayerEntry;
import io.launcher.spi.storage.LayerReader;
import io.launcher.spi.storage.SnapshotKey;
import io.launcher.spi.storage.StorageDriver;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A copy's entries written through a running container's root, as a layer apply would write them. */
class LiveRootWritesTest {
    private static final FileAttributes FILE = new FileAttributes(0640, 0, 0, Instant.ofEpochSecond(1000), Map.of());
    private static final FileAttributes DIR = new FileAttributes(0750, 0, 0, Instant.ofEpochSecond(2000), Map.of());

    @TempDir
    Path root;
    private final List<String> applied = new ArrayList<>();

    @Test
    void entriesReplaceRemoveAndStayOffTheContainersOtherMounts() throws IOException {
        Files.writeString(Files.createDirectories(root.resolve("etc")).resolve("conf"), "old");
        Files.writeString(Files.createDirectories(root.resolve("was-dir/deep")).resolve("f"), "x");
        Files.writeString(Files.createDirectories(root.resolve("gone")).resolve("f"), "x");
        Files.createDirectories(root.resolve("dev"));

        write(new LayerEntry.Directory("etc", DIR), file("etc/conf", "new"), file("was-dir", "now a file"),
                new LayerEntry.Whiteout("gone"), new LayerEntry.Whiteout("never/there"), file("dev/on-tmpfs", "x"));

        assertEquals("new", Files.readString(root.resolve("etc/conf")));
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(root.resolve("etc/conf"))));
        assertEquals("rwxr-x---", PosixFilePermissions.toString(Files.getPosixFilePermissions(root.resolve("etc"))));
        assertEquals(Instant.ofEpochSecond(2000), Files.getLastModifiedTime(root.resolve("etc")).toInstant());
        assertEquals("now a file", Files.readString(root.resolve("was-dir")));
        assertFalse(Files.exists(root.resolve("gone")));
        assertFalse(Files.exists(root.resolve("dev/on-tmpfs")), "written into a mount of the container");
        assertEquals(List.of("dev/on-tmpfs"), applied);
    }

    @Test
    void aLinkOnTheWayIsNotFollowed() throws IOException {
        Path outside = Files.createDirectories(root.resolveSibling(root.getFileName() + "-outside"));
        Path rootfs = Files.createDirectories(root.resolve("rootfs"));
        Files.createSymbolicLink(rootfs.resolve("out"), outside);
        LiveRoot live = new LiveRoot(rootfs, List.of());
        assertThrows(InvalidSpecException.class, () -> LiveRootWrites.write(live, reader(file("out/escaped", "x")),
                recording(), new SnapshotKey("c")));
        assertFalse(Files.exists(outside.resolve("escaped")));
        Files.delete(outside);
    }

    private void write(LayerEntry... entries) throws IOException {
        LiveRootWrites.write(new LiveRoot(root, List.of("dev", "proc")), reader(entries), recording(), new SnapshotKey("c"));
    }

    private static LayerEntry file(String path, String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        return new LayerEntry.RegularFile(path, FILE, bytes.length, new ByteArrayInputStream(bytes));
    }

    private static LayerReader reader(LayerEntry... entries) {
        Iterator<LayerEntry> all = List.of(entries).iterator();
        return () -> all.hasNext() ? Optional.of(all.next()) : Optional.empty();
    }

    /** A storage driver that only records the paths applied to the layer. */
    private StorageDriver recording() {
        return (StorageDriver) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {StorageDriver.class},
                (proxy, method, args) -> {
                    if (!method.getName().equals("apply")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    LayerReader layer = (LayerReader) args[1];
                    for (Optional<LayerEntry> e = layer.next(); e.isPresent(); e = layer.next()) {
                        applied.add(e.get().path());
                    }
                    return null;
                });
    }
}
