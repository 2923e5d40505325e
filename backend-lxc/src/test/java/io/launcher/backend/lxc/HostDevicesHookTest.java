package io.launcher.backend.lxc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hook's {@code host_devices}, run on a folder standing for the container's /dev: every host
 * node backend-native makes is made, with the host's type, numbers, mode and owner, and nothing
 * runc leaves out. Needs root for mknod.
 */
@Tag("privileged")
class HostDevicesHookTest {
    @TempDir
    Path temp;

    @Test
    void theHostsNodesAreMadeWithTheirNumbersModeAndOwnerAndTheContainersOwnAreLeftOut() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "mknod needs root");
        Path dev = Files.createDirectories(temp.resolve("dev"));
        Process bash = new ProcessBuilder("bash", "-c", "set -eu; " + HostDevices.function() + "\nhost_devices \"$0\"",
                dev.toString()).redirectErrorStream(true).start();
        String out = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, bash.waitFor(), out);
        Map<String, List<Object>> host = nodes(Path.of("/dev"));
        host.keySet().removeIf(name -> HostDevices.SKIPPED.contains(Path.of(name).getName(0).toString()));
        assertFalse(host.isEmpty(), "this host has device nodes");
        assertEquals(host, nodes(dev));
        for (String own : List.of("pts", "shm", "mqueue", "fd", "console", "ptmx", "stdin")) {
            assertTrue(Files.notExists(dev.resolve(own), LinkOption.NOFOLLOW_LINKS), own + " is the container's own");
        }
    }

    /** Each node under a /dev, by relative path: mode (type included), rdev, uid, gid. */
    private static Map<String, List<Object>> nodes(Path dev) throws IOException {
        Map<String, List<Object>> nodes = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(dev, HostDevices.MAX_DEPTH)) {
            for (Path path : paths.toList()) {
                Map<String, Object> a = Files.readAttributes(path, "unix:mode,rdev,uid,gid", LinkOption.NOFOLLOW_LINKS);
                int type = (Integer) a.get("mode") & 0170000;
                boolean hidden = dev.relativize(path).toString().startsWith(".") || path.toString().contains("/.");
                if ((type == 0020000 || type == 0060000) && !hidden) {
                    nodes.put(dev.relativize(path).toString(), List.of(a.get("mode"), a.get("rdev"), a.get("uid"), a.get("gid")));
                }
            }
        }
        return nodes;
    }
}
