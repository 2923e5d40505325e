package io.launcher.storage.overlay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.launcher.spi.Mount;
import io.launcher.spi.storage.SnapshotKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A disposable snapshot's overlay: volatile, and mounted again after a volatile unmount. */
class VolatileOverlayTest {
    @TempDir
    Path temp;

    @Test
    @Tag("privileged")
    void aDisposableSnapshotMountsVolatileAndMountsAgainAfterItsUnmount() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "mount needs root");
        assumeTrue(VolatileOverlay.SUPPORTED, "overlayfs has volatile from Linux 5.10");
        OverlayStorageDriver driver = new OverlayStorageDriver(temp.resolve("state"));
        driver.prepare(new SnapshotKey("base-active"), Optional.empty());
        driver.commit(new SnapshotKey("base"), new SnapshotKey("base-active"));
        SnapshotKey container = new SnapshotKey("container");
        driver.prepare(container, Optional.of(new SnapshotKey("base")));
        Path merged = Files.createDirectory(temp.resolve("merged"));
        for (int run = 1; run <= 2; run++) {
            List<Mount> mounts = driver.disposableMounts(container);
            Mount overlay = mounts.get(0);
            assertTrue(overlay.options().contains("volatile"), overlay.options().toString());
            mount(overlay, merged);
            try {
                Files.writeString(merged.resolve("run" + run), "x");
            } finally {
                run("umount", merged.toString());
            }
        }
        Path upper = temp.resolve("state");
        try (var files = Files.find(upper, 6, (path, attributes) -> path.getFileName().toString().equals("run2"))) {
            assertEquals(1, files.count(), "the second mount wrote to the layer");
        }
        assertFalse(driver.mounts(container).get(0).options().contains("volatile"), "plain mounts stay as they were");
    }

    @Test
    void aMarkIsClearedAndAFolderWithoutOneIsLeftAsItIs() throws IOException {
        Path work = Files.createDirectories(temp.resolve("work/work/incompat/volatile"));
        Files.writeString(work.resolve("dirty"), "");
        VolatileOverlay.clearMark(temp.resolve("work"));
        assertFalse(Files.exists(temp.resolve("work/work/incompat")));
        assertTrue(Files.isDirectory(temp.resolve("work/work")));
        VolatileOverlay.clearMark(temp.resolve("work"));
    }

    @Test
    void kernelReleasesCompareByMajorThenMinor() {
        assertTrue(VolatileOverlay.kernelAtLeast("6.18.0-1-amd64", 5, 10));
        assertTrue(VolatileOverlay.kernelAtLeast("5.10.0", 5, 10));
        assertFalse(VolatileOverlay.kernelAtLeast("5.4.0-150-generic", 5, 10));
        assertFalse(VolatileOverlay.kernelAtLeast("4.19", 5, 10));
        assertFalse(VolatileOverlay.kernelAtLeast("unknown", 5, 10));
    }

    private static void mount(Mount overlay, Path target) throws IOException, InterruptedException {
        run("mount", "-t", "overlay", overlay.source(), "-o", String.join(",", overlay.options()), target.toString());
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertEquals(0, process.waitFor(), String.join(" ", command) + ": " + output);
    }
}
