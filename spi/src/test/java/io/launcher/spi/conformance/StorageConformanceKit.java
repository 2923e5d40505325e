package io.launcher.spi.conformance;

import static io.launcher.spi.conformance.LayerEntries.apply;
import static io.launcher.spi.conformance.LayerEntries.attributes;
import static io.launcher.spi.conformance.LayerEntries.diff;
import static io.launcher.spi.conformance.LayerEntries.directory;
import static io.launcher.spi.conformance.LayerEntries.file;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.launcher.api.FailedPreconditionException;
import io.launcher.api.InvalidSpecException;
import io.launcher.api.NotFoundException;
import io.launcher.spi.Mount;
import io.launcher.spi.storage.FileAttributes;
import io.launcher.spi.storage.LayerEntry;
import io.launcher.spi.storage.LayerLimit;
import io.launcher.spi.storage.SnapshotInfo;
import io.launcher.spi.storage.SnapshotKey;
import io.launcher.spi.storage.SnapshotKind;
import io.launcher.spi.storage.StorageDriver;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every storage driver must do, in the manner of containerd's snapshotter suite. A plugin
 * extends this class and says how to make its driver; the kit does the rest. Cases that write
 * owners, devices or trusted attributes, or mount, need root and are tagged "privileged".
 */
public abstract class StorageConformanceKit {
    private static final Optional<SnapshotKey> NO_PARENT = Optional.empty();

    @TempDir
    Path temp;

    private Path stateDir;
    private StorageDriver driver;

    /** Makes a driver that owns {@code stateDir}, as the engine does when it opens the plugin. */
    protected abstract StorageDriver newDriver(Path stateDir);

    /** Skips, by assumption with the reason, the cases that mount when this host cannot mount the driver's form. */
    protected void assumeMountable() {
    }

    @BeforeEach
    void openDriver() {
        stateDir = temp.resolve("state");
        driver = newDriver(stateDir);
    }

    private static SnapshotKey key(String value) {
        return new SnapshotKey(value);
    }

    private static void assumeRoot() throws IOException {
        Assumptions.assumeTrue(((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0,
                "needs root: owners, device nodes and trusted attributes");
    }

    private void assumeMounting() throws IOException {
        assumeRoot();
        assumeMountable();
    }

    private List<LayerEntry> sampleLayer() {
        byte[] binary = {0, 1, 2, (byte) 0xff, (byte) 0xfe, (byte) 0x80};
        List<LayerEntry> entries = new ArrayList<>();
        entries.add(directory("bin"));
        entries.add(file("bin/tool", attributes(04755, Map.of("user.binary", binary)), "tool"));
        entries.add(new LayerEntry.Hardlink("bin/tool-link", "bin/tool"));
        entries.add(new LayerEntry.Directory("data", attributes(01777, 1000, 1000)));
        entries.add(new LayerEntry.Special("data/fifo", attributes(0640, 1, 2), LayerEntry.SpecialType.FIFO, 0, 0));
        entries.add(file("data/file", new FileAttributes(0600, 1000, 1001, LayerEntries.TIME,
                Map.of("user.note", "text".getBytes(StandardCharsets.UTF_8))), "hello"));
        entries.add(new LayerEntry.Special("data/null", attributes(0666, 0, 0),
                LayerEntry.SpecialType.CHARACTER_DEVICE, 1, 3));
        entries.add(new LayerEntry.Symlink("link", attributes(0777, 5, 6), "../..//etc/passwd/"));
        entries.add(directory("opaque"));
        entries.add(new LayerEntry.OpaqueDirectory("opaque"));
        entries.add(file("opaque/inside", "in"));
        entries.add(new LayerEntry.Whiteout("removed"));
        entries.add(new LayerEntry.Directory("sgid", attributes(02750, 0, 0)));
        return entries;
    }

    @Test
    @Tag("privileged")
    void applyThenDiffRoundTripsEveryKindOfEntry() throws IOException {
        assumeRoot();
        driver.prepare(key("rt"), NO_PARENT);
        driver.apply(key("rt"), LayerEntries.reader(sampleLayer()));
        List<String> expected = new ArrayList<>();
        for (LayerEntry entry : sampleLayer()) {
            expected.add(LayerEntries.describe(entry));
        }
        List<String> actual = diff(driver, key("rt"));
        assertEquals(expected.stream().sorted().toList(), actual.stream().sorted().toList());
    }

    @Test
    @Tag("privileged")
    void applyNeverWritesThroughASymbolicLink() throws IOException {
        assumeRoot();
        Path outside = temp.resolve("outside");
        Files.createDirectories(outside);
        driver.prepare(key("hostile"), NO_PARENT);
        assertThrows(InvalidSpecException.class, () -> apply(driver, key("hostile"),
                new LayerEntry.Symlink("escape", attributes(0777, 0, 0), outside.toString()),
                file("escape/pwned", "owned")));
        assertFalse(Files.exists(outside.resolve("pwned")));
        assertThrows(InvalidSpecException.class, () -> apply(driver, key("hostile"),
                new LayerEntry.Hardlink("stolen", "missing/shadow")));
    }

    @Test
    @Tag("privileged")
    void activeSnapshotsOfOneParentAreIsolated() throws Exception {
        assumeMounting();
        commitLayer("base", NO_PARENT, file("shared", "base"));
        List<Mount> first = driver.prepare(key("a"), Optional.of(key("base")));
        List<Mount> second = driver.prepare(key("b"), Optional.of(key("base")));
        try (MountedSnapshot a = MountedSnapshot.mount(first, temp.resolve("mnt-a"));
             MountedSnapshot b = MountedSnapshot.mount(second, temp.resolve("mnt-b"))) {
            Files.writeString(a.root().resolve("shared"), "changed in a");
            Files.writeString(b.root().resolve("only-b"), "b");
            assertEquals("base", Files.readString(b.root().resolve("shared")));
            assertFalse(Files.exists(a.root().resolve("only-b")));
        }
        assertTrue(diff(driver, key("a")).stream().anyMatch(entry -> entry.startsWith("file shared ")));
        assertTrue(diff(driver, key("b")).stream().noneMatch(entry -> entry.contains(" shared ")));
    }

    @Test
    @Tag("privileged")
    void whiteoutsAndOpaqueDirectoriesHideTheParentsFiles() throws Exception {
        assumeMounting();
        commitLayer("lower", NO_PARENT, file("gone", "x"), directory("kept"), file("kept/file", "k"),
                directory("opaque"), file("opaque/old", "o"));
        commitLayer("upper", Optional.of(key("lower")), new LayerEntry.Whiteout("gone"),
                directory("opaque"), new LayerEntry.OpaqueDirectory("opaque"), file("opaque/new", "n"));
        try (MountedSnapshot view = MountedSnapshot.mount(driver.view(key("v"), Optional.of(key("upper"))),
                temp.resolve("mnt"))) {
            assertFalse(Files.exists(view.root().resolve("gone")));
            assertEquals("k", Files.readString(view.root().resolve("kept/file")));
            assertFalse(Files.exists(view.root().resolve("opaque/old")));
            assertEquals("n", Files.readString(view.root().resolve("opaque/new")));
        }
    }

    @Test
    @Tag("privileged")
    void committedSnapshotCarriesAPreparedOneOnTop() throws Exception {
        assumeMounting();
        commitLayer("c1", NO_PARENT, directory("etc"), file("etc/hostname", "one"));
        List<Mount> mounts = driver.prepare(key("top"), Optional.of(key("c1")));
        try (MountedSnapshot top = MountedSnapshot.mount(mounts, temp.resolve("mnt"))) {
            assertEquals("one", Files.readString(top.root().resolve("etc/hostname")));
            Files.writeString(top.root().resolve("etc/hostname"), "two");
        }
        driver.commit(key("c2"), key("top"));
        assertEquals(new SnapshotInfo(key("c2"), Optional.of(key("c1")), SnapshotKind.COMMITTED), driver.stat(key("c2")));
        try (MountedSnapshot view = MountedSnapshot.mount(driver.view(key("v"), Optional.of(key("c2"))),
                temp.resolve("view"))) {
            assertEquals("two", Files.readString(view.root().resolve("etc/hostname")));
        }
    }

    @Test
    @Tag("privileged")
    void chainOfFiftyLayersMountsAndShowsTheTopFile() throws Exception {
        assumeMounting();
        Optional<SnapshotKey> parent = NO_PARENT;
        for (int i = 1; i <= 50; i++) {
            commitLayer("layer" + i, parent, file("top", Integer.toString(i)), file("from-" + i, "x"));
            parent = Optional.of(key("layer" + i));
        }
        try (MountedSnapshot top = MountedSnapshot.mount(driver.prepare(key("app"), parent), temp.resolve("mnt"))) {
            assertEquals("50", Files.readString(top.root().resolve("top")));
            assertTrue(Files.exists(top.root().resolve("from-1")));
        }
    }

    @Test
    @Tag("privileged")
    void diffShowsWhatTheMountedFilesystemDeleted() throws Exception {
        assumeMounting();
        commitLayer("base", NO_PARENT, file("a", "1"), file("b", "2"), directory("dir"), file("dir/old", "o"));
        List<Mount> mounts = driver.prepare(key("work"), Optional.of(key("base")));
        try (MountedSnapshot work = MountedSnapshot.mount(mounts, temp.resolve("mnt"))) {
            Files.delete(work.root().resolve("a"));
            Files.delete(work.root().resolve("b"));
            Files.delete(work.root().resolve("dir/old"));
            Files.delete(work.root().resolve("dir"));
            Files.createDirectory(work.root().resolve("dir"));
            Files.writeString(work.root().resolve("dir/new"), "n");
        }
        List<String> changes = diff(driver, key("work"));
        assertTrue(changes.containsAll(List.of("whiteout a", "whiteout b", "opaque dir")), changes.toString());
        assertTrue(changes.stream().anyMatch(change -> change.startsWith("file dir/new ")), changes.toString());
        assertTrue(changes.stream().noneMatch(change -> change.contains("dir/old")), changes.toString());
        assertTrue(driver.usage(key("work")).inodes() >= 2);
    }

    @Test
    void removingAParentIsRefused() {
        driver.prepare(key("p"), NO_PARENT);
        driver.commit(key("parent"), key("p"));
        driver.prepare(key("child"), Optional.of(key("parent")));
        assertThrows(FailedPreconditionException.class, () -> driver.remove(key("parent")));
        driver.remove(key("child"));
        driver.remove(key("parent"));
        assertThrows(NotFoundException.class, () -> driver.remove(key("parent")));
        assertThrows(NotFoundException.class, () -> driver.stat(key("p")));
    }

    @Test
    void preparingOnAnActiveOrMissingParentIsRefused() {
        driver.prepare(key("active"), NO_PARENT);
        assertThrows(FailedPreconditionException.class, () -> driver.prepare(key("x"), Optional.of(key("active"))));
        assertThrows(NotFoundException.class, () -> driver.prepare(key("y"), Optional.of(key("missing"))));
    }

    /**
     * A bounded layer ({@code --storage-opt size}) is either prepared, mounted like any other and
     * removed without a trace, or refused with a FailedPrecondition (the user's one line) before
     * anything is created: a later prepare of the same key works.
     */
    @Test
    void aBoundedLayerIsPreparedOrRefusedLeavingNothing() {
        driver.prepare(key("p"), NO_PARENT);
        driver.commit(key("parent"), key("p"));
        try {
            List<Mount> bounded = driver.prepare(key("bounded"), Optional.of(key("parent")), new LayerLimit(10L << 20));
            assertEquals(bounded, driver.mounts(key("bounded")));
        } catch (FailedPreconditionException refused) {
            assertFalse(refused.getMessage().isBlank());
            assertThrows(NotFoundException.class, () -> driver.stat(key("bounded")));
            driver.prepare(key("bounded"), Optional.of(key("parent")));
        }
        driver.remove(key("bounded"));
        driver.remove(key("parent"));
        List<SnapshotInfo> all = new ArrayList<>();
        driver.walk(all::add);
        assertEquals(List.of(), all);
    }

    @Test
    void metadataSurvivesANewDriverOnTheSameStateDir() {
        driver.prepare(key("a"), NO_PARENT);
        driver.commit(key("c"), key("a"));
        List<Mount> active = driver.prepare(key("b"), Optional.of(key("c")));
        List<Mount> view = driver.view(key("v"), Optional.of(key("c")));

        StorageDriver reopened = newDriver(stateDir);
        assertEquals(new SnapshotInfo(key("c"), NO_PARENT, SnapshotKind.COMMITTED), reopened.stat(key("c")));
        assertEquals(new SnapshotInfo(key("b"), Optional.of(key("c")), SnapshotKind.ACTIVE), reopened.stat(key("b")));
        assertEquals(active, reopened.mounts(key("b")));
        assertEquals(view, reopened.mounts(key("v")));
        List<SnapshotInfo> all = new ArrayList<>();
        reopened.walk(all::add);
        assertEquals(3, all.size());
    }

    private void commitLayer(String name, Optional<SnapshotKey> parent, LayerEntry... entries) throws IOException {
        SnapshotKey active = key(name + "-active");
        driver.prepare(active, parent);
        apply(driver, active, entries);
        driver.commit(key(name), active);
    }
}
