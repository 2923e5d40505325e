package io.launcher.backend.lxc;

import io.launcher.api.SystemCallFailedException;
import io.launcher.backend.lxc.config.LxcEntry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The host's device nodes for a privileged container's /dev. Docker (runc) makes each node again
 * with mknod; LXC's configuration can only bind them, so each becomes a bind entry onto a file
 * LXC creates in its autodev tmpfs ({@code create=file}; {@code optional}: a node udev removed
 * meanwhile is no failure). The binds live in the container's mount namespace and go with it.
 * Skipped, as runc skips them: the container's own pts, shm and mqueue, the fd link, console
 * and ptmx, and the nodes autodev makes itself.
 */
final class HostDevices {
    private static final Path DEV = Path.of("/dev");
    private static final int MAX_DEPTH = 4;
    private static final Set<String> SKIPPED = Set.of("pts", "shm", "mqueue", "fd", "console", "ptmx", ".lxc", ".udev",
            "null", "zero", "full", "random", "urandom", "tty");
    /** The file type bits of st_mode. */
    private static final int S_IFMT = 0170000;
    private static final int S_IFCHR = 0020000;
    private static final int S_IFBLK = 0060000;

    private HostDevices() {
    }

    static List<LxcEntry> bindEntries() {
        return bindEntries(DEV);
    }

    static List<LxcEntry> bindEntries(Path dev) {
        List<LxcEntry> entries = new ArrayList<>();
        try (Stream<Path> paths = Files.walk(dev, MAX_DEPTH)) {
            paths.filter(path -> !skipped(dev.relativize(path))).filter(HostDevices::isDevice).sorted()
                    .forEach(path -> entries.add(new LxcEntry.MountEntry(path.toString(),
                            "dev/" + dev.relativize(path), "none", List.of("bind", "create=file", "optional"))));
        } catch (IOException | UncheckedIOException e) {
            throw new SystemCallFailedException("read", dev.toString(), String.valueOf(e.getMessage()), e);
        }
        return entries;
    }

    private static boolean skipped(Path relative) {
        String first = relative.getName(0).toString();
        return SKIPPED.contains(first) || first.startsWith(".");
    }

    private static boolean isDevice(Path path) {
        try {
            int type = (Integer) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS) & S_IFMT;
            return type == S_IFCHR || type == S_IFBLK;
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }
}
