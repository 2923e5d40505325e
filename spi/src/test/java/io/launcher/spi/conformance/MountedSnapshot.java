package io.launcher.spi.conformance;

import io.launcher.spi.Mount;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A snapshot's mounts performed on the host with {@code mount(8)}, as an isolation backend would
 * in a container's namespace; closing unmounts them in reverse order.
 */
final class MountedSnapshot implements AutoCloseable {
    private final Path target;
    private final List<Path> mounted = new ArrayList<>();

    private MountedSnapshot(Path target) {
        this.target = target;
    }

    static MountedSnapshot mount(List<Mount> mounts, Path target) throws IOException, InterruptedException {
        Files.createDirectories(target);
        MountedSnapshot snapshot = new MountedSnapshot(target);
        try {
            for (Mount mount : mounts) {
                snapshot.add(mount);
            }
        } catch (IOException | RuntimeException e) {
            snapshot.close();
            throw e;
        }
        return snapshot;
    }

    Path root() {
        return target;
    }

    private void add(Mount mount) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("mount"));
        if (!mount.type().equals("bind")) {
            command.addAll(List.of("-t", mount.type()));
        }
        if (!mount.options().isEmpty()) {
            command.addAll(List.of("-o", String.join(",", mount.options())));
        }
        command.addAll(List.of(mount.source(), target.toString()));
        run(command);
        // A remount (AUFS appending branches) changes the mount already there: one unmount covers both.
        if (!mount.options().contains("remount")) {
            mounted.add(target);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            for (int i = mounted.size() - 1; i >= 0; i--) {
                run(List.of("umount", mounted.get(i).toString()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while unmounting " + target, e);
        }
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + output.strip());
        }
    }
}
