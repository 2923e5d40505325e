package io.launcher.engine;

import io.launcher.api.ContainerStatus;
import io.launcher.spi.isolation.Sandbox;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The root filesystem of a running container as its processes see it: the live mount of its
 * layers, reached from the host through its init's {@code /proc/<pid>/root} (the kernel walks the
 * paths below it in the container's mount namespace). A {@code cp} into a running container writes
 * there, as Docker writes through the container's mounted root: overlayfs calls a change made to
 * its layers beside a live mount undefined, and a path the container had looked up (a file it
 * wrote, a name it found missing) would keep its old state. Mounts the container holds other than
 * its root ({@code /proc}, {@code /dev}, {@code /sys}, what its processes mounted) are listed, so
 * that a copy never writes into them: Docker's copy does not see them either.
 */
record LiveRoot(Path root, List<String> mountPoints) {

    /**
     * The live root of a running or paused container, or empty when there is none to write through:
     * not running, no init pid, or an init whose root is not a mount's root (it went into a chroot),
     * in which case the copy writes the container's layer as for a stopped one.
     */
    static Optional<LiveRoot> of(ContainerEntry entry) {
        return of(entry, Path.of("/proc"));
    }

    static Optional<LiveRoot> of(ContainerEntry entry, Path proc) {
        Sandbox sandbox = entry.sandbox();
        ContainerStatus status = entry.state().status();
        if (sandbox == null || (status != ContainerStatus.RUNNING && status != ContainerStatus.PAUSED)) {
            return Optional.empty();
        }
        int pid = sandbox.pid();
        if (pid <= 0) {
            return Optional.empty();
        }
        return at(proc.resolve(Integer.toString(pid)), Path.of("/"));
    }

    /**
     * The live root of the process whose {@code /proc} folder is {@code process}; empty when its
     * root is {@code hostRoot} (a process of the host's is no container's) or it is gone.
     */
    static Optional<LiveRoot> at(Path process, Path hostRoot) {
        Path root = process.resolve("root");
        try {
            Object key = Files.readAttributes(root, BasicFileAttributes.class).fileKey();
            if (key == null || key.equals(Files.readAttributes(hostRoot, BasicFileAttributes.class).fileKey())) {
                return Optional.empty();
            }
            return parse(Files.readAllLines(process.resolve("mountinfo"), StandardCharsets.UTF_8))
                    .map(points -> new LiveRoot(root, points));
        } catch (IOException e) {
            // The init exited meanwhile: nothing is mounted any more, the layer is the container's root.
            return Optional.empty();
        }
    }

    /**
     * The mount points of a {@code /proc/<pid>/mountinfo} other than the root, as layer paths
     * ({@code dev/shm}); empty when no mount of the whole of a filesystem sits at the process's root.
     */
    static Optional<List<String>> parse(List<String> mountinfo) {
        List<String> points = new ArrayList<>();
        boolean rooted = false;
        for (String line : mountinfo) {
            String[] fields = line.split(" ");
            if (fields.length < 5) {
                continue;
            }
            String mountRoot = unescape(fields[3]);
            String point = unescape(fields[4]);
            if (point.equals("/")) {
                rooted = mountRoot.equals("/");
            } else if (point.startsWith("/")) {
                points.add(point.substring(1));
            }
        }
        return rooted ? Optional.of(List.copyOf(points)) : Optional.empty();
    }

    /** Whether {@code layerPath} lies on another mount than the root (at its mount point or below). */
    boolean onOtherMount(String layerPath) {
        for (String point : mountPoints) {
            if (layerPath.equals(point) || layerPath.startsWith(point + "/")) {
                return true;
            }
        }
        return false;
    }

    /** mountinfo writes space, tab, newline and backslash as {@code \ooo}. */
    private static String unescape(String field) {
        if (field.indexOf('\\') < 0) {
            return field;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '\\' && isOctal(field, i + 1)) {
                out.append((char) Integer.parseInt(field.substring(i + 1, i + 4), 8));
                i += 3;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isOctal(String field, int from) {
        if (from + 3 > field.length()) {
            return false;
        }
        for (int i = from; i < from + 3; i++) {
            if (field.charAt(i) < '0' || field.charAt(i) > '7') {
                return false;
            }
        }
        return true;
    }
}
