package io.launcher.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where a running container's root is reached, and which of its paths lie on other mounts. */
class LiveRootTest {
    private static final String ROOT = "612 540 0:54 / / rw,relatime - overlay overlay rw,lowerdir=/l,upperdir=/u,workdir=/w";
    private static final String PROC = "613 612 0:58 / /proc rw,nosuid,nodev,noexec,relatime - proc proc rw";
    private static final String SHM = "615 614 0:60 / /dev/shm rw - tmpfs shm rw";
    private static final String SPACED = "616 612 8:1 /vol /my\\040data rw - ext4 /dev/sda1 rw";

    @TempDir
    Path dir;

    @Test
    void mountPointsBesideTheRootAreLayerPaths() {
        Optional<List<String>> points = LiveRoot.parse(List.of(ROOT, PROC, SHM, SPACED));
        assertEquals(Optional.of(List.of("proc", "dev/shm", "my data")), points);
        LiveRoot live = new LiveRoot(dir, points.get());
        assertTrue(live.onOtherMount("proc/sys/kernel"));
        assertTrue(live.onOtherMount("dev/shm"));
        assertFalse(live.onOtherMount("dev"));
        assertFalse(live.onOtherMount("procedures/x"));
        assertTrue(live.onOtherMount("my data/f"));
    }

    @Test
    void aRootThatIsNoMountsWholeFilesystemIsNotTrusted() {
        // An init that went into a chroot below its root mount sees no mount at "/".
        assertEquals(Optional.empty(), LiveRoot.parse(List.of(PROC, SHM)));
        assertEquals(Optional.empty(), LiveRoot.parse(List.of("612 540 8:1 /srv/jail / rw - ext4 /dev/sda1 rw", PROC)));
    }

    @Test
    void aProcessOfTheHostHasNoLiveRoot() throws IOException {
        Path rootfs = Files.createDirectories(dir.resolve("rootfs"));
        Path container = Files.createDirectories(dir.resolve("proc/77"));
        Files.createSymbolicLink(container.resolve("root"), rootfs);
        Files.write(container.resolve("mountinfo"), List.of(ROOT, PROC));
        assertEquals(Optional.of(new LiveRoot(container.resolve("root"), List.of("proc"))), LiveRoot.at(container, dir));
        assertEquals(Optional.empty(), LiveRoot.at(container, rootfs), "a root shared with the host");
        assertEquals(Optional.empty(), LiveRoot.at(dir.resolve("proc/78"), dir), "a process gone");
    }
}
