package io.launcher.engine;

import io.launcher.api.ContainerStatus;
import io.launcher.api.InvalidSpecException;
import io.launcher.spi.isolation.BindMount;
import io.launcher.spi.isolation.Sandbox;
import io.launcher.spi.storage.directory.ConfinedRoot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
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
     * The live root of a running or paused container whose mounts are {@code binds}, or empty when
     * there is none to write through: not running, no init pid, an init that is not the container's
     * (its pid was reused: it does not see the container's binds), or one whose root is not a mount's
     * root (it went into a chroot); the copy then writes the container's layer as for a stopped one.
     */
    static Optional<LiveRoot> of(ContainerEntry entry, List<BindMount> binds) {
        Sandbox sandbox = entry.sandbox();
        ContainerStatus status = entry.state().status();
        if (sandbox == null || (status != ContainerStatus.RUNNING && status != ContainerStatus.PAUSED)) {
            return Optional.empty();
        }
        int pid = sandbox.pid();
        if (pid <= 0) {
            return Optional.empty();
        }
        return at(Path.of("/proc", Integer.toString(pid)), binds);
    }

    /**
     * The live root of the process whose {@code /proc} folder is {@code process}, when it is the
     * container's: one of the container's {@code binds} (the engine's {@code /etc/hostname} at
     * least) is, at its destination under that root, the very node bound (same device and inode).
     */
    static Optional<LiveRoot> at(Path process, List<BindMount> binds) {
        Path root = process.resolve("root");
        try {
            if (!seesABind(root, binds)) {
                return Optional.empty();
            }
            return parse(Files.readAllLines(process.resolve("mountinfo"), StandardCharsets.UTF_8))
                    .map(points -> new LiveRoot(root, points));
        } catch (IOException e) {
            // The init exited meanwhile: nothing is mounted any more, the layer is the container's root.
            return Optional.empty();
        }
    }

    private static boolean seesABind(Path root, List<BindMount> binds) throws IOException {
        ConfinedRoot confined = new ConfinedRoot(root);
        for (BindMount bind : binds) {
            String destination = bind.destination().replaceFirst("^/+", "");
            try {
                Object inside = Files.readAttributes(confined.resolve(destination, false), BasicFileAttributes.class,
                        LinkOption.NOFOLLOW_LINKS).fileKey();
                if (inside != null && inside.equals(Files.readAttributes(bind.source(), BasicFileAttributes.class).fileKey())) {
                    return true;
                }
            } catch (IOException | InvalidSpecException e) {
                // Not there as bound (a link on its way, a path gone): another bind may tell.
            }
        }
        return false;
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
