package io.launcher.backend.linux;

import io.launcher.api.LauncherException;
import io.launcher.spi.Availability;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Whether this host can run native containers, checked without changing it: namespaces in
 * /proc/self/ns, root or CAP_SYS_ADMIN, and a shim that runs (from a temporary copy).
 */
public final class HostProbe {
    private static final List<String> NAMESPACES = List.of("mnt", "pid", "uts", "ipc", "net", "cgroup");
    private static final int CAP_SYS_ADMIN = 21;

    private HostProbe() {
    }

    public static Availability probe() {
        for (String ns : NAMESPACES) {
            if (!Files.exists(Path.of("/proc/self/ns", ns))) {
                return Availability.unavailable("this kernel has no " + ns + " namespace (/proc/self/ns/" + ns + ")");
            }
        }
        if (!privileged()) {
            return Availability.unavailable("the engine needs root or CAP_SYS_ADMIN to create namespaces");
        }
        return shimRuns().map(Availability::unavailable).orElse(Availability.yes());
    }

    /** CapEff in /proc/self/status is the effective capability set, in hex. */
    public static boolean privileged() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("CapEff:")) {
                    long caps = Long.parseUnsignedLong(line.substring(7).trim(), 16);
                    return (caps & (1L << CAP_SYS_ADMIN)) != 0;
                }
            }
            return false;
        } catch (IOException | NumberFormatException e) {
            return false;
        }
    }

    private static Optional<String> shimRuns() {
        Path temp = null;
        try {
            temp = Files.createTempDirectory("launcher-shim-probe");
            Shim.install(temp).version();
            return Optional.empty();
        } catch (IOException | LauncherException e) {
            return Optional.of("launcher-shim does not run here: " + e.getMessage());
        } finally {
            deleteQuietly(temp);
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (var files = Files.list(dir)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(dir);
        } catch (IOException ignored) {
            // a leftover in the temporary folder does no harm
        }
    }
}
