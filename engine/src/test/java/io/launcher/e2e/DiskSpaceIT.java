package io.launcher.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.launcher.e2e.Distribution.Result;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The state root on a 48 MiB tmpfs, keeping 8 MiB free: a gzip bomb imported, a big archive
 * loaded, a big file copied into a container and a save whose layers would not fit each fail
 * with one line, exit 1, and leave the filesystem as free as it was, the store whole and its
 * image runnable.
 */
@Tag("privileged")
class DiskSpaceIT {
    private static final long MIB = 1L << 20;
    private static Path mount;
    private static Path work;
    private static Distribution launcher;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "mounting a tmpfs needs root");
        work = Files.createTempDirectory(Path.of("/tmp"), "launcher-diskspace-work-");
        mount = Files.createTempDirectory(Path.of("/tmp"), "launcher-diskspace-");
        Process mounting = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=48m", "tmpfs", mount.toString())
                .inheritIO().start();
        assertEquals(0, mounting.waitFor(), "mount -t tmpfs failed");
        launcher = Distribution.startIn(mount, List.of("--min-free-space", "8m")).withBaseImage();
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (launcher != null) {
                launcher.close();
            }
        } finally {
            if (mount != null) {
                new ProcessBuilder("umount", mount.toString()).inheritIO().start().waitFor();
                Files.deleteIfExists(mount);
            }
            if (work != null) {
                new ProcessBuilder("rm", "-rf", work.toString()).start().waitFor();
            }
        }
    }

    @Test
    void anImportTooLargeForTheDiskFailsAndTheStoreStaysWhole() throws Exception {
        Path bomb = tar(work.resolve("bomb.tar.gz"), true, "zeros", 64 * MIB);
        String imagesBefore = ok(launcher.launcher("images", "-q", "--no-trunc")).out();
        long freeBefore = free();
        Result imported = launcher.launcher("import", bomb.toString(), "bomb");
        assertFullDisk(imported);
        assertEquals(imagesBefore, ok(launcher.launcher("images", "-q", "--no-trunc")).out());
        assertEquals("ok", ok(launcher.launcher("run", "--rm", "--network", "none", "base", "echo", "ok")).outLine());
        assertFreedAndClean(freeBefore);
        if (Distribution.dockerCli().isPresent()) {
            Result docker = launcher.docker("import", bomb.toString(), "bomb");
            assertEquals(1, docker.exitCode(), docker.out() + docker.err());
            assertTrue(docker.err().contains(": no space left on device ("), docker.err());
            assertFreedAndClean(freeBefore);
        }
    }

    @Test
    void aLoadTooLargeForTheDiskFails() throws Exception {
        Path archive = tar(work.resolve("archive.tar.gz"), true, "layer.tar", 64 * MIB);
        long freeBefore = free();
        assertFullDisk(launcher.launcher("load", "-i", archive.toString()));
        assertFreedAndClean(freeBefore);
    }

    @Test
    void aSaveWhoseLayersWouldFillTheDiskFailsBeforeItsArchiveBegins() throws Exception {
        Path image = tar(work.resolve("big.tar"), false, "big.bin", 20 * MIB);
        ok(launcher.launcher("import", image.toString(), "big"));
        try {
            long freeBefore = free();
            Path archive = work.resolve("saved.tar");
            assertFullDisk(launcher.launcher("save", "-o", archive.toString(), "big"));
            assertTrue(Files.notExists(archive), "a cut archive was left at " + archive);
            assertFreedAndClean(freeBefore);
            if (Distribution.dockerCli().isPresent()) {
                Result docker = launcher.docker("save", "-o", archive.toString(), "big");
                assertEquals(1, docker.exitCode(), docker.out() + docker.err());
                assertTrue(docker.err().contains(": no space left on device ("), docker.err());
                assertFreedAndClean(freeBefore);
            }
            ok(launcher.launcher("save", "-o", archive.toString(), "base"));
            assertTrue(Files.size(archive) > 0);
        } finally {
            launcher.launcher("rmi", "big");
        }
    }

    @Test
    void aCopyTooLargeForTheDiskFailsAndIsTakenBack() throws Exception {
        ok(launcher.launcher("create", "--name", "box", "--network", "none", "base", "true"));
        Path big = work.resolve("big.bin");
        try (OutputStream out = Files.newOutputStream(big)) {
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 64; i++) {
                out.write(zeros);
            }
        }
        long freeBefore = free();
        assertFullDisk(launcher.launcher("cp", big.toString(), "box:/tmp/"));
        assertEquals(1, launcher.launcher("cp", "box:/tmp/big.bin", "-").exitCode(), "the partial copy is still there");
        assertFreedAndClean(freeBefore);
    }

    private static void assertFullDisk(Result result) {
        assertEquals(1, result.exitCode(), result.out() + result.err());
        String err = result.err().strip();
        assertEquals(1, err.lines().count(), err);
        assertTrue(err.startsWith("Error response from daemon: unable to write to " + launcher.root()
                + ": no space left on device ("), err);
        assertTrue(err.endsWith("kept by --min-free-space)"), err);
    }

    private static void assertFreedAndClean(long freeBefore) throws IOException {
        assertTrue(free() > freeBefore - MIB, "the failed operation left " + (freeBefore - free()) + " bytes");
        try (Stream<Path> files = Files.walk(launcher.root())) {
            List<String> temps = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith("import-") || n.startsWith("load-") || n.startsWith(".tmp-split-")
                            || n.startsWith("pull-") || n.startsWith("save-") || n.startsWith("split-"))
                    .toList();
            assertEquals(List.of(), temps);
        }
    }

    private static long free() throws IOException {
        return Files.getFileStore(mount).getUsableSpace();
    }

    private static Result ok(Result result) {
        assertEquals(0, result.exitCode(), result.err());
        return result;
    }

    /** A tar (gzip-compressed when asked) of one file of {@code size} zero bytes. */
    private static Path tar(Path file, boolean gzip, String name, long size) throws IOException {
        try (OutputStream raw = Files.newOutputStream(file); OutputStream out = gzip ? new GZIPOutputStream(raw) : raw;
             TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
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
        return file;
    }
}
