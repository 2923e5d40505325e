package io.launcher.storage.overlay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The real {@code FS_IOC_FS[GS]ETXATTR} on xfs, which keeps project ids with or without quotas on:
 * an id set on a directory reads back, and what is created below it inherits it
 * ({@code FS_XFLAG_PROJINHERIT}). The filesystem is an image on a loop device, mounted in a temp
 * dir; {@link #unmount} always unmounts, detaches and deletes it.
 */
@Tag("privileged")
class KernelProjectIdsOnXfsTest {
    private static Path folder;
    private static String loop;
    private static boolean mounted;

    @BeforeAll
    static void mount() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "mounting a loop device needs root");
        assumeTrue(Files.isExecutable(Path.of("/usr/sbin/mkfs.xfs")) || Files.isExecutable(Path.of("/sbin/mkfs.xfs")),
                "xfsprogs is not installed");
        folder = Files.createTempDirectory(Path.of("/tmp"), "launcher-xfs-ids-");
        Path image = folder.resolve("xfs.img");
        Files.createDirectory(folder.resolve("mnt"));
        run("truncate", "-s", "320M", image.toString());
        run("mkfs.xfs", "-q", "-f", image.toString());
        loop = run("losetup", "--find", "--show", image.toString()).trim();
        run("mount", "-t", "xfs", loop, folder.resolve("mnt").toString());
        mounted = true;
    }

    @AfterAll
    static void unmount() throws Exception {
        try {
            if (mounted) {
                run("umount", folder.resolve("mnt").toString());
            }
        } finally {
            try {
                if (loop != null) {
                    run("losetup", "-d", loop);
                }
            } finally {
                if (folder != null) {
                    run("rm", "-rf", folder.toString());
                }
            }
        }
    }

    @Test
    void anAssignedIdReadsBackAndIsInherited() throws IOException {
        KernelProjectQuotas kernel = new KernelProjectQuotas();
        Path directory = Files.createDirectory(folder.resolve("mnt/layer"));
        assertEquals(0, kernel.project(directory));
        kernel.assign(directory, 4242);
        assertEquals(4242, kernel.project(directory));
        assertEquals(4242, kernel.project(Files.createDirectories(directory.resolve("a/b"))));
        assertEquals(0, kernel.project(folder.resolve("mnt")), "the parent keeps its own");
        assertFalse(kernel.enabled(directory), "mounted without pquota: ids are kept, nothing is counted");
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
        }
        return out;
    }
}
