package io.launcher.storage.aufs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.launcher.spi.Mount;
import io.launcher.spi.storage.FileAttributes;
import io.launcher.spi.storage.LayerEntry;
import io.launcher.spi.storage.SnapshotKey;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** AUFS's on-disk layer form and mount options, without the kernel module. */
class AufsLayerFormTest {
    private static final int UID = currentId("uid");
    private static final int GID = currentId("gid");
    private static final FileAttributes OWN = new FileAttributes(0755, UID, GID, Instant.EPOCH, Map.of());

    @TempDir
    Path state;

    private static int currentId(String kind) {
        try {
            return (Integer) Files.getAttribute(Path.of(System.getProperty("java.io.tmpdir")), "unix:" + kind);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Optional<LayerEntry> none() {
        return Optional.empty();
    }

    private static void apply(AufsStorageDriver driver, SnapshotKey key, LayerEntry... entries) throws IOException {
        Iterator<LayerEntry> iterator = List.of(entries).iterator();
        driver.apply(key, () -> iterator.hasNext() ? Optional.of(iterator.next()) : none());
    }

    @Test
    void whiteoutsAndOpaqueDirectoriesAreWrittenInAufsForm() throws IOException {
        AufsStorageDriver driver = new AufsStorageDriver(state);
        SnapshotKey key = new SnapshotKey("layer");
        driver.prepare(key, Optional.empty());
        apply(driver, key, new LayerEntry.Directory("etc", OWN), new LayerEntry.Whiteout("etc/passwd"),
                new LayerEntry.Directory("var", OWN), new LayerEntry.OpaqueDirectory("var"));
        Path fs = state.resolve("snapshots/1/fs");
        assertTrue(Files.isRegularFile(fs.resolve("etc/.wh.passwd")));
        assertEquals(0, Files.size(fs.resolve("etc/.wh.passwd")));
        assertTrue(Files.isRegularFile(fs.resolve("var/.wh..wh..opq")));
    }

    @Test
    void diffTurnsAufsFormBackAndSkipsAufsBookkeeping() throws IOException {
        AufsStorageDriver driver = new AufsStorageDriver(state);
        SnapshotKey key = new SnapshotKey("layer");
        driver.prepare(key, Optional.empty());
        Path fs = state.resolve("snapshots/1/fs");
        Files.createDirectories(fs.resolve(".wh..wh.plnk"));
        Files.createFile(fs.resolve(".wh..wh.aufs"));
        Files.createDirectories(fs.resolve(".wh..wh.orph"));
        Files.createFile(fs.resolve(".wh.gone"));
        Files.createDirectories(fs.resolve("var"));
        Files.createFile(fs.resolve("var/.wh..wh..opq"));
        Files.write(fs.resolve("var/new"), new byte[] {1});
        List<String> entries = new ArrayList<>();
        driver.diff(key, entry -> entries.add(entry.getClass().getSimpleName() + " " + entry.path()));
        assertEquals(List.of("Whiteout gone", "Directory var", "OpaqueDirectory var", "RegularFile var/new"), entries);
    }

    @Test
    void preparedSnapshotMountsItsBranchesRwOverRoWithWhiteouts() throws IOException {
        AufsStorageDriver driver = new AufsStorageDriver(state);
        driver.prepare(new SnapshotKey("base-active"), Optional.empty());
        driver.commit(new SnapshotKey("base"), new SnapshotKey("base-active"));
        List<Mount> mounts = driver.prepare(new SnapshotKey("top"), Optional.of(new SnapshotKey("base")));
        Path snapshots = state.resolve("snapshots");
        assertEquals(List.of(new Mount("aufs", "none", List.of("br=" + snapshots.resolve("2/fs") + "=rw:"
                + snapshots.resolve("1/fs") + "=ro+wh"))), mounts);
    }

    @Test
    void longChainsAppendBranchesByRemountWithinAPage() {
        AufsStorageDriver driver = new AufsStorageDriver(state);
        Optional<SnapshotKey> parent = Optional.empty();
        for (int i = 0; i < 200; i++) {
            driver.prepare(new SnapshotKey("a" + i), parent);
            driver.commit(new SnapshotKey("c" + i), new SnapshotKey("a" + i));
            parent = Optional.of(new SnapshotKey("c" + i));
        }
        List<Mount> mounts = driver.prepare(new SnapshotKey("top"), parent);
        assertTrue(mounts.size() > 1);
        int branches = 0;
        for (Mount mount : mounts) {
            assertTrue(String.join(",", mount.options()).length() < 4096);
            for (String option : mount.options()) {
                branches += option.startsWith("br=") ? option.split(":").length : option.startsWith("append:") ? 1 : 0;
            }
        }
        assertEquals(201, branches);
        assertEquals("remount", mounts.get(1).options().get(0));
    }
}
