package io.launcher.e2e;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A small filesystem with project quotas on, made for one test class: an image file, a loop
 * device, an xfs mount with {@code pquota} (Docker's requirement, and the only one the overlay
 * driver accepts: xfs holds even a CAP_SYS_RESOURCE writer to the limit); a kernel that cannot
 * mount it with project quotas skips the test. {@link #close}
 * always unmounts, detaches the loop device and deletes the folder, whatever failed before.
 */
final class QuotaFilesystem implements AutoCloseable {
    private final Path folder;
    private final Path mountPoint;
    private final List<String> notes = new ArrayList<>();
    private String loop;
    private boolean mounted;

    private QuotaFilesystem(Path folder) {
        this.folder = folder;
        this.mountPoint = folder.resolve("mnt");
    }

    /** Makes and mounts the filesystem, or skips the calling test (after cleaning up) when it cannot. */
    static QuotaFilesystem mount() throws IOException, InterruptedException {
        assumeTrue("root".equals(System.getProperty("user.name")), "mounting a loop device needs root");
        QuotaFilesystem fs = new QuotaFilesystem(Files.createTempDirectory(Path.of("/tmp"), "launcher-quota-"));
        try {
            Files.createDirectory(fs.mountPoint);
            boolean done = fs.tryMount("xfs", List.of("mkfs.xfs", "-q", "-f"), "pquota");
            assumeTrue(done, "this kernel mounts no filesystem with project quotas: " + String.join("; ", fs.notes));
            return fs;
        } catch (Throwable e) {
            fs.close();
            throw e;
        }
    }

    Path mountPoint() {
        return mountPoint;
    }

    private boolean tryMount(String type, List<String> mkfs, String option) throws IOException, InterruptedException {
        if (!onPath(mkfs.get(0))) {
            notes.add(mkfs.get(0) + " is not installed");
            return false;
        }
        Path image = folder.resolve(type + ".img");
        // xfs wants 300 MiB at least; the file is sparse, so this costs what is written.
        run(List.of("truncate", "-s", "320M", image.toString()));
        List<String> make = new ArrayList<>(mkfs);
        make.add(image.toString());
        if (run(make).isEmpty()) {
            notes.add(mkfs.get(0) + " failed");
            return false;
        }
        loop = run(List.of("losetup", "--find", "--show", image.toString())).orElseThrow().trim();
        if (run(List.of("mount", "-t", type, "-o", option, loop, mountPoint.toString())).isPresent()) {
            mounted = true;
            return true;
        }
        notes.add(type + " with " + option + " does not mount");
        detach();
        return false;
    }

    private static boolean onPath(String tool) {
        return List.of("/sbin", "/usr/sbin", "/bin", "/usr/bin").stream()
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, tool)));
    }

    @Override
    public void close() throws IOException, InterruptedException {
        try {
            if (mounted) {
                run(List.of("umount", mountPoint.toString())).orElseThrow(
                        () -> new IllegalStateException("unable to unmount " + mountPoint));
                mounted = false;
            }
        } finally {
            detach();
            run(List.of("rm", "-rf", folder.toString()));
        }
    }

    private void detach() throws IOException, InterruptedException {
        if (loop != null) {
            run(List.of("losetup", "-d", loop));
            loop = null;
        }
    }

    /** The command's output when it exits 0, else empty. */
    private static Optional<String> run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return Optional.empty();
        }
        return process.exitValue() == 0 ? Optional.of(out) : Optional.empty();
    }
}
