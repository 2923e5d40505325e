package io.launcher.network.bridge;

import io.launcher.api.UnavailableException;
import io.launcher.spi.Availability;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The host tools the driver runs, resolved once to absolute paths (the engine's PATH may lack the
 * sbin folders, and a resolved path spares a lookup per call). {@code ip} is required;
 * without iptables there is no NAT and no published port, which the probe reports and
 * {@link #iptables()} refuses with the missing tool's name.
 */
public record HostTools(Path ip, Optional<Path> iptables, Optional<Path> iptablesSave, Optional<Path> iptablesRestore) {
    private static final List<Path> FALLBACK_DIRS = List.of(Path.of("/usr/sbin"), Path.of("/sbin"), Path.of("/usr/bin"), Path.of("/bin"));
    private static final Path IPV4_SYSCTLS = Path.of("/proc/sys/net/ipv4");

    /** Looks for the tools on PATH and in the usual sbin folders; fails when {@code ip} is missing. */
    public static HostTools resolve() {
        Path ip = find("ip").orElseThrow(() -> new UnavailableException("ip (iproute2) is not installed"));
        return new HostTools(ip, find("iptables"), find("iptables-save"), find("iptables-restore"));
    }

    /** Checks the host without changing it. */
    public static Availability probe() {
        if (find("ip").isEmpty()) {
            return Availability.unavailable("ip (iproute2) is not installed");
        }
        if (!effectiveUserIsRoot()) {
            return Availability.unavailable("bridge networking needs root");
        }
        if (!Files.isDirectory(IPV4_SYSCTLS)) {
            return Availability.unavailable(IPV4_SYSCTLS + " is missing: this kernel has no IPv4 networking");
        }
        HostTools tools = resolve();
        if (tools.iptables.isEmpty() || tools.iptablesSave.isEmpty() || tools.iptablesRestore.isEmpty()) {
            return new Availability(true, "iptables is not installed: no NAT and no published ports");
        }
        return Availability.yes();
    }

    /** The iptables tools, or a refusal naming the missing one. */
    public Iptables iptablesTools() {
        return new Iptables(
                iptables.orElseThrow(() -> missing("iptables")),
                iptablesSave.orElseThrow(() -> missing("iptables-save")),
                iptablesRestore.orElseThrow(() -> missing("iptables-restore")));
    }

    /** The three iptables programs, all present. */
    public record Iptables(Path iptables, Path save, Path restore) {
    }

    private static UnavailableException missing(String tool) {
        return new UnavailableException(tool + " is not installed: NAT and published ports are unavailable");
    }

    /** Whether this process runs with effective uid 0 (the second field of the Uid line). */
    public static boolean effectiveUserIsRoot() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream()
                    .filter(line -> line.startsWith("Uid:"))
                    .map(line -> line.substring(4).trim().split("\\s+"))
                    .anyMatch(ids -> ids.length > 1 && ids[1].equals("0"));
        } catch (IOException e) {
            return false;
        }
    }

    private static Optional<Path> find(String name) {
        List<Path> dirs = new ArrayList<>();
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(":")) {
                if (!dir.isEmpty()) {
                    dirs.add(Path.of(dir));
                }
            }
        }
        dirs.addAll(FALLBACK_DIRS);
        return dirs.stream().map(dir -> dir.resolve(name)).filter(Files::isExecutable).findFirst();
    }
}
