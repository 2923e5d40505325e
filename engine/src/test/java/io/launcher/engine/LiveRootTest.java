package io.launcher.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.launcher.spi.isolation.BindMount;
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
    void onlyAProcessThatSeesTheContainersBindsIsItsInit() throws IOException {
        Path rootfs = Files.createDirectories(dir.resolve("rootfs/etc"));
        Path hostname = Files.writeString(dir.resolve("hostname"), "box\n");
        Files.createLink(rootfs.resolve("hostname"), hostname);
        Path other = Files.writeString(dir.resolve("other-hostname"), "other\n");
        Path container = Files.createDirectories(dir.resolve("proc/77"));
        Files.createSymbolicLink(container.resolve("root"), rootfs.getParent());
        Files.write(container.resolve("mountinfo"), List.of(ROOT, PROC));
        BindMount bound = new BindMount(hostname, "/etc/hostname", false);

        assertEquals(Optional.of(new LiveRoot(container.resolve("root"), List.of("proc"))), LiveRoot.at(container,
                List.of(new BindMount(other, "/etc/resolv.conf", false), bound)));
        assertEquals(Optional.empty(), LiveRoot.at(container, List.of(new BindMount(other, "/etc/hostname", false))),
                "a pid reused by a process that is not the container's");
        assertEquals(Optional.empty(), LiveRoot.at(container, List.of()));
        assertEquals(Optional.empty(), LiveRoot.at(dir.resolve("proc/78"), List.of(bound)), "a process gone");
    }
}
