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
 * node and folder backend-native makes is made (nodes with the host's type, numbers, mode and
 * owner), and nothing else: {@link #hostdev} reads the host's /dev by hostdev.c's rules. Needs
 * root for mknod.
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
        Map<String, List<Object>> host = new TreeMap<>();
        hostdev(Path.of("/dev"), Path.of(""), 0, host);
        assertFalse(host.isEmpty(), "this host has device nodes");
        assertEquals(host, made(dev));
        for (String own : List.of("pts", "shm", "mqueue", "fd", "console", "ptmx", "stdin")) {
            assertTrue(Files.notExists(dev.resolve(own), LinkOption.NOFOLLOW_LINKS), own + " is the container's own");
        }
    }

    /** A node udev removed between the reading and the copy is no failure; a node that could not be made is. */
    @Test
    void onlyANodeStillOnTheHostMustBeMade() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "mknod needs root");
        assumeTrue(Files.exists(Path.of("/dev/null")) && Files.exists(Path.of("/dev/zero")), "no /dev/null or /dev/zero");
        Path gone = Files.createDirectories(temp.resolve("gone"));
        assertEquals(0, hostDevices(gone, "null kit-gone-node").exitValue());
        assertTrue(Files.exists(gone.resolve("null"), LinkOption.NOFOLLOW_LINKS));
        Path blocked = Files.createDirectories(temp.resolve("blocked"));
        Files.createDirectories(blocked.resolve("zero/x")); // a folder where the node goes
        Process failed = hostDevices(blocked, "zero");
        assertEquals(1, failed.exitValue());
        assertTrue(new String(failed.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
                .contains("unable to create device node " + blocked + "/zero"));
    }

    /** {@code host_devices} with the names the host's /dev is read as replaced by {@code names}. */
    private static Process hostDevices(Path dev, String names) throws Exception {
        String script = "set -eu; " + HostDevices.function() + "\ncollect_nodes() { host_nodes+=(" + names + "); }\n"
                + "host_devices \"$0\"";
        Process bash = new ProcessBuilder("bash", "-c", script, dev.toString()).redirectErrorStream(true).start();
        bash.waitFor();
        return bash;
    }

    /**
     * What backend-native's copy_dir makes of {@code host}, by relative path: a node as its mode
     * (type included), rdev, uid and gid; a folder as "folder". At the top the skipped names
     * (hidden ones among them) are left out, below it every hidden name.
     */
    private static void hostdev(Path host, Path relative, int depth, Map<String, List<Object>> made) throws IOException {
        try (Stream<Path> entries = Files.list(host)) {
            for (Path entry : entries.toList()) {
                String name = entry.getFileName().toString();
                if (depth == 0 ? HostDevices.SKIPPED.contains(name) : name.startsWith(".")) {
                    continue;
                }
                Map<String, Object> a = Files.readAttributes(entry, "unix:mode,rdev,uid,gid", LinkOption.NOFOLLOW_LINKS);
                int type = (Integer) a.get("mode") & 0170000;
                if (type == 0020000 || type == 0060000) {
                    made.put(relative.resolve(name).toString(), List.of(a.get("mode"), a.get("rdev"), a.get("uid"), a.get("gid")));
                } else if (type == 0040000 && depth + 1 < HostDevices.MAX_DEPTH) {
                    made.put(relative.resolve(name).toString(), List.of("folder"));
                    hostdev(entry, relative.resolve(name), depth + 1, made);
                }
            }
        }
    }

    /** Everything under the container's /dev, as {@link #hostdev} names it (anything else by its type). */
    private static Map<String, List<Object>> made(Path dev) throws IOException {
        Map<String, List<Object>> made = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(dev)) {
            for (Path path : paths.skip(1).toList()) {
                Map<String, Object> a = Files.readAttributes(path, "unix:mode,rdev,uid,gid", LinkOption.NOFOLLOW_LINKS);
                int type = (Integer) a.get("mode") & 0170000;
                made.put(dev.relativize(path).toString(), type == 0040000 ? List.of("folder")
                        : type == 0020000 || type == 0060000 ? List.of(a.get("mode"), a.get("rdev"), a.get("uid"), a.get("gid"))
                        : List.of("type " + Integer.toOctalString(type)));
            }
        }
        return made;
    }
}
