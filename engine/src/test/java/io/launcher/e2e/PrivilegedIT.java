package io.launcher.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.launcher.e2e.Distribution.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code --privileged} end to end on both isolation backends: through the launcher CLI and the
 * real docker CLI (HostConfig.Privileged, exec's Privileged), shown by inspect, and nothing of a
 * privileged container (mounts, cgroups) left on the host after rm.
 */
@Tag("privileged")
@ParameterizedClass(name = "--backend {0}")
@ValueSource(strings = {"native", "lxc"})
class PrivilegedIT extends PerBackend {
    /** CapEff, then what a privileged container may do that a default one may not. */
    private static final String PROBE = String.join("; ", "grep CapEff /proc/self/status | cut -f2",
            "mkdir -p /mnt/p; mount -t tmpfs p /mnt/p && echo mount=ok || echo mount=denied",
            "grep -q ' /sys sysfs rw' /proc/mounts && echo sys=rw || echo sys=ro",
            "test -c /dev/loop-control && echo loop=yes || echo loop=no");

    private static String loop() {
        return Files.exists(Path.of("/dev/loop-control")) ? "loop=yes" : "loop=no";
    }

    @Test
    void theLauncherCliRunsPrivilegedAndInspectSaysSo() throws Exception {
        Result run = launcher.launcher("run", "--name", "priv", "--privileged", "--cap-drop", "ALL", "--network", "none",
                "base", "sh", "-c", PROBE);
        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = run.out().lines().toList();
        assertTrue(lines.get(0).matches("000001ff[0-9a-f]{8}"), "every capability, --cap-drop overridden: " + run.out());
        assertEquals(List.of("mount=ok", "sys=rw", loop()), lines.subList(1, 4), run.err());
        assertEquals("true", launcher.launcher("inspect", "-f", "{{.HostConfig.Privileged}}", "priv").outLine());
        assertEquals(0, launcher.launcher("rm", "priv").exitCode());

        Result confined = launcher.launcher("run", "--rm", "--network", "none", "base", "sh", "-c", PROBE);
        assertEquals(List.of("00000000a80425fb", "mount=denied", "sys=ro", "loop=no"), confined.out().lines().toList(),
                confined.err());
    }

    @Test
    void theDockerCliRunsAndExecsPrivileged() throws Exception {
        assumeTrue(Distribution.dockerCli().isPresent(), "no docker CLI installed");
        Result run = launcher.docker("run", "--rm", "--privileged", "--network", "none", "base", "sh", "-c", PROBE);
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(List.of("mount=ok", "sys=rw", loop()), run.out().lines().skip(1).toList(), run.err());

        assertEquals(0, launcher.docker("run", "-d", "--name", "plain", "--network", "none", "base", "sleep", "300").exitCode());
        assertEquals("false", launcher.docker("inspect", "-f", "{{.HostConfig.Privileged}}", "plain").outLine());
        Result exec = launcher.docker("exec", "--privileged", "plain", "grep", "CapEff", "/proc/self/status");
        assertTrue(exec.outLine().matches("CapEff:\t000001ff[0-9a-f]{8}"), exec.out() + exec.err());
        assertEquals("CapEff:\t00000000a80425fb", launcher.docker("exec", "plain", "grep", "CapEff", "/proc/self/status").outLine());
        Result viaLauncher = launcher.launcher("exec", "--privileged", "plain", "grep", "CapEff", "/proc/self/status");
        assertTrue(viaLauncher.outLine().matches("CapEff:\t000001ff[0-9a-f]{8}"), viaLauncher.out() + viaLauncher.err());
        assertEquals(0, launcher.docker("rm", "-f", "plain").exitCode());
    }

    @Test
    void nothingIsLeftOnTheHostAfterRm() throws Exception {
        assumeTrue(Distribution.dockerCli().isPresent(), "no docker CLI installed");
        Result started = launcher.docker("run", "-d", "--privileged", "--network", "none", "base", "sh", "-c",
                "mount -t tmpfs p /mnt && sleep 300");
        assertEquals(0, started.exitCode(), started.err());
        String id = started.outLine();
        assertEquals(0, launcher.docker("rm", "-f", id).exitCode());
        assertFalse(Files.readString(Path.of("/proc/self/mountinfo")).contains(id), "a mount is left");
        try (Stream<Path> cgroups = Files.list(Path.of("/sys/fs/cgroup"))) {
            assertTrue(cgroups.noneMatch(hierarchy -> Files.exists(hierarchy.resolve("launcher").resolve(id))),
                    "a cgroup is left");
        }
    }
}
