package io.launcher.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills the daemon with SIGKILL in the middle of an import and of a commit, restarts it, and
 * finds the store whole: the earlier images intact, no half layer (every snapshot owned by a
 * layer record or a container), no temporary file.
 */
@Tag("privileged")
class StoreCrashIT extends WithBaseImage {
    private static final int MEGABYTES = 50;

    @TempDir
    Path dir;

    @Test
    void killedDuringAnImportLeavesNoHalfLayer() throws Exception {
        Path big = randomTarball(dir.resolve("big.tar"));
        String before = Calls.ok(dist, "images", "-q", "--no-trunc");
        Process importing = Calls.background(dist, "import", big.toString(), "big");
        awaitSnapshot("import-");
        dist.killDaemon();
        importing.waitFor(30, TimeUnit.SECONDS);
        // The socket a killed daemon leaves is stale: without it, waiting for the new one is exact.
        Files.deleteIfExists(dist.socket());
        dist.startDaemon();
        assertConsistent();
        assertEquals(before, Calls.ok(dist, "images", "-q", "--no-trunc"));
        assertEquals("ok\n", Calls.ok(dist, "run", "base", "echo", "ok"));
    }

    @Test
    void killedDuringACommitLeavesNoHalfLayer() throws Exception {
        Calls.ok(dist, "run", "--name", "writer", "base", "/bin/sh", "-c",
                "i=0; while [ $i -lt " + MEGABYTES + " ]; do head -c 1048576 /dev/urandom > /f$i; i=$((i+1)); done");
        String before = Calls.ok(dist, "images", "-q", "--no-trunc");
        Process committing = Calls.background(dist, "commit", "writer", "snap");
        awaitSnapshot("commit-");
        dist.killDaemon();
        committing.waitFor(30, TimeUnit.SECONDS);
        // The socket a killed daemon leaves is stale: without it, waiting for the new one is exact.
        Files.deleteIfExists(dist.socket());
        dist.startDaemon();
        assertConsistent();
        assertEquals(before, Calls.ok(dist, "images", "-q", "--no-trunc"));
        // The container is intact: committing again works and gives the whole layer.
        Calls.ok(dist, "commit", "writer", "snap");
        assertEquals(MEGABYTES + "\n", Calls.ok(dist, "run", "snap", "/bin/sh", "-c", "ls / | grep -c '^f'"));
        assertConsistent();
    }

    /** Waits until the daemon has begun writing a temporary snapshot of that kind. */
    private void awaitSnapshot(String prefix) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            for (Path snapshot : snapshotDirs()) {
                if (metaKey(snapshot).startsWith(prefix) && hasContent(snapshot.resolve("fs"))) {
                    return;
                }
            }
            Thread.sleep(5);
        }
        throw new AssertionError("no " + prefix + " snapshot appeared");
    }

    /** The key in a snapshot's meta: a {@code meta,<kind>,<key>,<parent>} name, or a {@code meta} file; "" while there is none. */
    private static String metaKey(Path snapshot) throws IOException {
        Path file = snapshot.resolve("meta");
        if (Files.exists(file)) {
            return Files.readString(file).lines().filter(l -> l.startsWith("key=")).findFirst().orElseThrow().substring(4);
        }
        try (Stream<Path> entries = Files.list(snapshot)) {
            return entries.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("meta,"))
                    .map(n -> n.split(",", -1)[2]).findFirst().orElse("");
        } catch (NoSuchFileException e) {
            return "";
        }
    }

    private static boolean hasContent(Path fs) throws IOException {
        try (Stream<Path> files = Files.walk(fs)) {
            return files.filter(Files::isRegularFile).findAny().isPresent();
        }
    }

    private void assertConsistent() throws IOException, InterruptedException {
        List<String> owners = new ArrayList<>();
        List<String> splits = new ArrayList<>();
        try (Stream<Path> layers = Files.list(dist.root().resolve("layers"))) {
            layers.map(l -> l.getFileName().toString()).forEach(name -> {
                if (name.endsWith(".json")) {
                    owners.add(name.substring(0, name.length() - ".json".length()));
                } else if (name.endsWith(".split.gz")) {
                    splits.add(name.substring(0, name.length() - ".split.gz".length()));
                }
            });
        }
        assertTrue(owners.containsAll(splits), "a tar-split record without its layer: " + splits + " " + owners);
        owners.addAll(Calls.ok(dist, "ps", "-a", "-q", "--no-trunc").lines().toList());
        List<String> keys = new ArrayList<>();
        for (Path snapshot : snapshotDirs()) {
            keys.add(metaKey(snapshot));
        }
        assertEquals(owners.stream().sorted().toList(), keys.stream().sorted().toList(), "snapshots and their owners");
        try (Stream<Path> all = Files.walk(dist.root().resolve("images"))) {
            assertTrue(all.noneMatch(p -> p.getFileName().toString().startsWith(".tmp-")), "temporary files left");
        }
        try (Stream<Path> all = Files.list(dist.root().resolve("layers"))) {
            assertTrue(all.noneMatch(p -> p.getFileName().toString().startsWith(".tmp-")), "temporary files left");
        }
    }

    private List<Path> snapshotDirs() throws IOException {
        try (Stream<Path> dirs = Files.list(dist.root().resolve("plugins/storage-overlay/snapshots"))) {
            return dirs.toList();
        }
    }

    /** 50 files of 1 MB of random bytes, which no filesystem compresses or dedupes. */
    private static Path randomTarball(Path file) throws IOException {
        Random random = new Random(42);
        byte[] chunk = new byte[1 << 20];
        try (OutputStream out = Files.newOutputStream(file); TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
            for (int i = 0; i < MEGABYTES; i++) {
                random.nextBytes(chunk);
                TarArchiveEntry entry = new TarArchiveEntry("data/f" + i);
                entry.setSize(chunk.length);
                tar.putArchiveEntry(entry);
                tar.write(chunk);
                tar.closeArchiveEntry();
            }
        }
        return file;
    }
}
