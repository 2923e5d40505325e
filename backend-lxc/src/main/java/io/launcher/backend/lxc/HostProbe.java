package io.launcher.backend.lxc;

import io.launcher.spi.Availability;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Whether this host can run the backend, without changing it: LXC's tools, root, and the kernel
 * features lxc-checkconfig calls required for these containers (the namespaces and cgroups).
 */
public final class HostProbe {
    private static final List<String> NAMESPACES = List.of("mnt", "pid", "uts", "ipc", "net");
    private static final List<String> INIT_LOCATIONS = List.of("/usr/sbin/init.lxc.static", "/sbin/init.lxc.static",
            "/usr/local/sbin/init.lxc.static");

    private HostProbe() {
    }

    public static Availability probe() {
        if (find("lxc-execute").isEmpty()) {
            return Availability.unavailable("lxc-execute not found: install Debian's lxc package");
        }
        if (find("lxc-attach").isEmpty()) {
            return Availability.unavailable("lxc-attach not found: install Debian's lxc package");
        }
        if (INIT_LOCATIONS.stream().map(Path::of).noneMatch(Files::isExecutable)) {
            return Availability.unavailable("init.lxc.static not found, lxc-execute needs it: install Debian's lxc package");
        }
        if (find("bash").isEmpty() || find("setsid").isEmpty()) {
            return Availability.unavailable("bash and setsid are needed to supervise containers");
        }
        if (find("script").isEmpty()) {
            return Availability.unavailable("script is needed to give containers a terminal: install Debian's util-linux package");
        }
        if (!root()) {
            return Availability.unavailable("the lxc backend needs root: lxc-execute runs privileged containers");
        }
        for (String ns : NAMESPACES) {
            if (Files.notExists(Path.of("/proc/self/ns", ns))) {
                return Availability.unavailable("this kernel has no " + ns + " namespaces");
            }
        }
        if (!cgroupsMounted()) {
            return Availability.unavailable("no cgroup filesystem is mounted at /sys/fs/cgroup");
        }
        return Availability.yes();
    }

    /** The tools, when all are there. */
    static Optional<HostTools> tools() {
        Optional<Path> lxcExecute = find("lxc-execute");
        Optional<Path> lxcAttach = find("lxc-attach");
        Optional<Path> bash = find("bash");
        Optional<Path> setsid = find("setsid");
        Optional<Path> script = find("script");
        if (Stream.of(lxcExecute, lxcAttach, bash, setsid, script).anyMatch(Optional::isEmpty)) {
            return Optional.empty();
        }
        return Optional.of(new HostTools(lxcExecute.get(), lxcAttach.get(), bash.get(), setsid.get(), script.get()));
    }

    static Optional<Path> find(String program) {
        List<String> dirs = new ArrayList<>(List.of(System.getenv().getOrDefault("PATH", "").split(":")));
        dirs.addAll(List.of("/usr/sbin", "/usr/bin", "/sbin", "/bin"));
        return dirs.stream().filter(d -> !d.isEmpty()).map(d -> Path.of(d, program))
                .filter(Files::isExecutable).findFirst();
    }

    private static boolean root() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream()
                    .filter(line -> line.startsWith("Uid:"))
                    .anyMatch(line -> line.split("\\s+")[2].equals("0"));
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean cgroupsMounted() {
        try {
            return Files.readAllLines(Path.of("/proc/self/mounts")).stream()
                    .map(line -> line.split(" "))
                    .anyMatch(f -> f.length > 2 && (f[2].equals("cgroup") || f[2].equals("cgroup2")));
        } catch (IOException e) {
            return false;
        }
    }
}
