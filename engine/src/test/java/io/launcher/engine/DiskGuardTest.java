package io.launcher.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.launcher.api.CommitRequest;
import io.launcher.api.ContainerConfig;
import io.launcher.api.HostConfig;
import io.launcher.api.ImageDetails;
import io.launcher.api.ImageReference;
import io.launcher.api.ImportRequest;
import io.launcher.api.NetworkMode;
import io.launcher.api.NotFoundException;
import io.launcher.api.ProgressListener;
import io.launcher.api.ResourceLimits;
import io.launcher.api.SystemCallFailedException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Gzip bombs through import, load and cp, and a save too large to spool, on real directory
 * storage with a made-up filesystem of 24 MiB that keeps 8 MiB free: each stops with Docker's
 * words and leaves the store as it was.
 */
class DiskGuardTest {
    private static final long MIB = 1L << 20;
    private static final long BOMB = 48 * MIB;

    @TempDir
    Path dir;
    private LocalEngine engine;
    private long base;

    /** Free space: a 24 MiB filesystem, less what the engine wrote under its root since the start. */
    private final class WrittenSpace implements FreeSpace {
        @Override
        public long usable() {
            return 24 * MIB - (written(dir) - base);
        }

        @Override
        public long total() {
            return 1024 * MIB;
        }
    }

    @BeforeEach
    void start() throws IOException {
        base = written(dir);
        EngineSettings settings = new EngineSettings(dir, dir.resolve("plugins"), Optional.empty(), Optional.empty());
        DiskReserve reserve = new DiskReserve(dir, MinFreeSpace.ofBytes(8 * MIB), new WrittenSpace(), System::nanoTime);
        engine = LocalEngine.open(settings, new Providers(List.of(new FakeIsolation()), List.of(new DirectoryStorage()),
                List.of()), reserve);
        engine.importImage(new ByteArrayInputStream(tar(false, "etc/passwd", 11)),
                new ImportRequest(Optional.of(ImageReference.parse("img")), List.of(), ""), ProgressListener.NONE);
    }

    @AfterEach
    void stop() {
        engine.close();
    }

    @Test
    void anImportBombStopsAndTheStoreStaysWhole() throws IOException {
        List<ImageDetails> before = engine.images();
        long usedBefore = written(dir);
        SystemCallFailedException full = assertThrows(SystemCallFailedException.class, () -> engine.importImage(
                new ByteArrayInputStream(tar(true, "zeros", BOMB)), new ImportRequest(Optional.empty(), List.of(), ""),
                ProgressListener.NONE));
        assertTrue(full.getMessage().startsWith("unable to write to " + dir + ": no space left on device ("),
                full.getMessage());
        assertEquals(before, engine.images());
        assertLeftNothing(usedBefore);
        String box = engine.create(Optional.of("box"), ContainerConfig.of("img", List.of("true")), hostConfig()).value();
        assertEquals(11, engine.statPath(box, "/etc/passwd").size());
    }

    @Test
    void aLoadBombStopsWhileSpooled() throws IOException {
        List<ImageDetails> before = engine.images();
        long usedBefore = written(dir);
        assertThrows(SystemCallFailedException.class,
                () -> engine.loadImages(new ByteArrayInputStream(tar(true, "layer.tar", BOMB)), ProgressListener.NONE));
        assertEquals(before, engine.images());
        assertLeftNothing(usedBefore);
    }

    @Test
    void aCopyBombIntoAContainerIsTakenBack() throws IOException {
        String box = engine.create(Optional.of("box"), ContainerConfig.of("img", List.of("true")), hostConfig()).value();
        long usedBefore = written(dir);
        assertThrows(SystemCallFailedException.class, () -> engine.extractArchive(box, "/etc",
                new ByteArrayInputStream(tar(true, "new/zeros", BOMB)), false, false));
        assertLeftNothing(usedBefore);
        assertThrows(NotFoundException.class, () -> engine.statPath(box, "/etc/new"));
        assertEquals(11, engine.statPath(box, "/etc/passwd").size());
        engine.extractArchive(box, "/etc", new ByteArrayInputStream(tar(false, "small", MIB)), false, false);
        assertEquals(MIB, engine.statPath(box, "/etc/small").size());
    }

    @Test
    void aCommitOfALayerTooLargeForTheDiskStops() throws IOException {
        String box = engine.create(Optional.of("box"), ContainerConfig.of("img", List.of("true")), hostConfig()).value();
        engine.extractArchive(box, "/etc", new ByteArrayInputStream(tar(false, "big", 12 * MIB)), false, false);
        List<ImageDetails> before = engine.images();
        long usedBefore = written(dir);
        assertThrows(SystemCallFailedException.class, () -> engine.commit(box, new CommitRequest(
                Optional.of(ImageReference.parse("snap")), "", "", List.of())));
        assertEquals(before, engine.images());
        assertLeftNothing(usedBefore);
    }

    @Test
    void aSaveWhoseLayersWouldFillTheDiskStopsBeforeTheArchiveBegins() throws IOException {
        engine.importImage(new ByteArrayInputStream(tar(false, "big", 12 * MIB)),
                new ImportRequest(Optional.of(ImageReference.parse("big")), List.of(), ""), ProgressListener.NONE);
        List<ImageDetails> before = engine.images();
        long usedBefore = written(dir);
        ByteArrayOutputStream archive = new ByteArrayOutputStream();
        SystemCallFailedException full = assertThrows(SystemCallFailedException.class,
                () -> engine.saveImages(List.of("big"), archive));
        assertTrue(full.getMessage().startsWith("unable to write to " + dir + ": no space left on device ("),
                full.getMessage());
        assertEquals(0, archive.size(), "the archive began before its layers were spooled");
        assertEquals(before, engine.images());
        assertLeftNothing(usedBefore);
        engine.saveImages(List.of("img"), archive);
        assertTrue(archive.size() > 0);
    }

    @Test
    void aCopyBombIntoAVolumeOnTheSameFilesystemStops() throws IOException {
        Path volume = Files.createDirectories(dir.resolve("volume"));
        String box = engine.create(Optional.of("vol"), ContainerConfig.of("img", List.of("true")),
                new HostConfig(false, NetworkMode.NONE, ResourceLimits.NONE, List.of(volume + ":/data"), false, List.of(),
                        List.of())).value();
        assertThrows(SystemCallFailedException.class, () -> engine.extractArchive(box, "/data",
                new ByteArrayInputStream(tar(true, "zeros", BOMB)), false, false));
        assertTrue(written(volume) < 24 * MIB, "the copy went on past the reserve");
    }

    private void assertLeftNothing(long usedBefore) throws IOException {
        assertTrue(written(dir) - usedBefore < 64 << 10, "the failed operation left " + (written(dir) - usedBefore) + " bytes");
        try (Stream<Path> files = Files.walk(dir)) {
            List<String> temps = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith("import-") || n.startsWith("load-") || n.startsWith(".tmp-split-")
                            || n.startsWith("save-") || n.startsWith("split-"))
                    .toList();
            assertEquals(List.of(), temps);
        }
    }

    private static HostConfig hostConfig() {
        return new HostConfig(false, NetworkMode.NONE, ResourceLimits.NONE, List.of(), false, List.of(), List.of());
    }

    /** A tar (gzip-compressed when asked) of one file of {@code size} zero bytes under its folders. */
    private static byte[] tar(boolean gzip, String name, long size) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = gzip ? new GZIPOutputStream(bytes) : bytes;
             TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
            String parent = name.contains("/") ? name.substring(0, name.lastIndexOf('/') + 1) : "";
            if (!parent.isEmpty()) {
                TarArchiveEntry folder = new TarArchiveEntry(parent);
                folder.setMode(040755);
                tar.putArchiveEntry(folder);
                tar.closeArchiveEntry();
            }
            TarArchiveEntry entry = new TarArchiveEntry(name);
            entry.setMode(0100644);
            entry.setSize(size);
            tar.putArchiveEntry(entry);
            byte[] zeros = new byte[1 << 16];
            for (long left = size; left > 0; left -= zeros.length) {
                tar.write(zeros, 0, (int) Math.min(zeros.length, left));
            }
            tar.closeArchiveEntry();
        }
        return bytes.toByteArray();
    }

    /** Bytes of the regular files under {@code root}. */
    static long written(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    return 0;
                }
            }).sum();
        } catch (IOException | UncheckedIOException e) {
            return 0;
        }
    }
}
