package io.launcher.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.launcher.e2e.Distribution.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code --device} and {@code --device-cgroup-rule} end to end on both isolation backends,
 * through the launcher CLI and the real docker CLI (HostConfig.Devices, DeviceCgroupRules): the
 * node with the host's numbers at the given path, the permissions enforced by the devices cgroup
 * (/dev/fuse is the node opened: opening it without mounting does nothing), Docker's refusal of a
 * missing host path at create, and inspect.
 */
@Tag("privileged")
@ParameterizedClass(name = "--backend {0}")
@ValueSource(strings = {"native", "lxc"})
class DeviceIT extends PerBackend {
    private static final String MISSING = "/dev/launcher-device-it-missing";
    private static final String MISSING_ERROR = "error gathering device information while adding custom device \""
            + MISSING + "\": no such file or directory";
    /** Opens /dev/kfuse for reading, then writing; then a node it made itself, which was not given. */
    private static final String PERMISSIONS_PROBE = "(exec 3</dev/kfuse) && echo read=ok; (exec 3>/dev/kfuse) 2>&1"
            + " || echo write=denied; mknod /dev/kloop c 10 237; (exec 3</dev/kloop) 2>/dev/null || echo other=denied";

    /** Writes /dev/null (Docker's rules), makes the fuse node (mknod, Docker's too), opens it as the given rule allows. */
    private static final String RULES_PROBE = "echo x > /dev/null && echo null=ok; mknod /dev/kfuse c 10 229"
            + " && (exec 3</dev/kfuse) && echo read=ok; (exec 3>/dev/kfuse) 2>/dev/null || echo write=denied";

    private static void assumeDevicesCgroup() {
        assumeTrue(Files.exists(Path.of("/sys/fs/cgroup/devices/devices.list")), "no cgroup v1 devices controller");
        assumeTrue(Files.exists(Path.of("/dev/fuse")), "no /dev/fuse on this host");
    }

    @Test
    void theLauncherCliGivesADeviceAtItsPath() throws Exception {
        Result run = launcher.launcher("run", "--rm", "--network", "none", "--device", "/dev/null:/dev/mynull", "base",
                "sh", "-c", "stat -c '%t:%T %F %a' /dev/mynull; echo hi > /dev/mynull && cat /dev/mynull && echo rw=ok");
        assertEquals(List.of("1:3 character special file 666", "rw=ok"), run.out().lines().toList(), run.err());
    }

    @Test
    void theLauncherCliEnforcesTheGivenPermissions() throws Exception {
        assumeDevicesCgroup();
        Result run = launcher.launcher("run", "--rm", "--network", "none", "--device", "/dev/fuse:/dev/kfuse:r", "base",
                "sh", "-c", PERMISSIONS_PROBE);
        List<String> lines = run.out().lines().toList();
        assertEquals(List.of("read=ok", "write=denied", "other=denied"),
                lines.stream().filter(line -> line.contains("=")).toList(), run.out() + run.err());
        assertTrue(run.out().contains("Operation not permitted"), "EPERM from the devices cgroup: " + run.out());
    }

    @Test
    void theDockerCliGivesDevicesAndRules() throws Exception {
        assumeTrue(Distribution.dockerCli().isPresent(), "no docker CLI installed");
        assumeDevicesCgroup();
        Result run = launcher.docker("run", "--rm", "--network", "none", "--device", "/dev/fuse:/dev/kfuse:r", "base",
                "sh", "-c", PERMISSIONS_PROBE);
        assertEquals(List.of("read=ok", "write=denied", "other=denied"),
                run.out().lines().filter(line -> line.contains("=")).toList(), run.out() + run.err());
        Result rule = launcher.docker("run", "--rm", "--network", "none", "--device-cgroup-rule", "c 10:229 rw", "base",
                "sh", "-c", "mknod /dev/kfuse c 10 229 && (exec 3<>/dev/kfuse) && echo open=ok");
        assertEquals("open=ok", rule.outLine(), rule.err());
    }

    @Test
    void aMissingHostPathIsRefusedAtCreateByBothClis() throws Exception {
        Result create = launcher.launcher("create", "--device", MISSING, "base", "true");
        assertEquals(125, create.exitCode());
        assertTrue(create.err().contains(MISSING_ERROR), create.err());
        Result run = launcher.launcher("run", "--rm", "--device", MISSING + ":/dev/x:r", "base", "true");
        assertEquals(125, run.exitCode());
        assertTrue(run.err().contains(MISSING_ERROR), run.err());
        assertEquals("", launcher.launcher("ps", "-aq").out(), "nothing was created");
        if (Distribution.dockerCli().isPresent()) {
            // the docker CLI's own codes: its run takes "no such file or directory" in any refusal of
            // the daemon's for a missing command (127, its toStatusError), its create exits 1
            Result docker = launcher.docker("run", "--rm", "--device", MISSING, "base", "true");
            assertEquals(127, docker.exitCode());
            assertTrue(docker.err().contains("Error response from daemon: " + MISSING_ERROR), docker.err());
            Result created = launcher.docker("create", "--device", MISSING, "base", "true");
            assertEquals(1, created.exitCode());
            assertTrue(created.err().contains("Error response from daemon: " + MISSING_ERROR), created.err());
            assertEquals("", launcher.launcher("ps", "-aq").out(), "nothing was created");
        }
    }

    @Test
    void inspectShowsTheDevicesAsDockerDoes() throws Exception {
        assertEquals(0, launcher.launcher("create", "--name", "dev", "--device", "/dev/null:/dev/mynull:r",
                "--device-cgroup-rule", "c 10:229 rw", "base", "true").exitCode());
        String devices = "[{\"PathOnHost\":\"/dev/null\",\"PathInContainer\":\"/dev/mynull\",\"CgroupPermissions\":\"r\"}]";
        assertEquals(devices, launcher.launcher("inspect", "-f", "{{json .HostConfig.Devices}}", "dev").outLine());
        assertEquals("[\"c 10:229 rw\"]",
                launcher.launcher("inspect", "-f", "{{json .HostConfig.DeviceCgroupRules}}", "dev").outLine());
        if (Distribution.dockerCli().isPresent()) {
            assertEquals(devices, launcher.docker("inspect", "-f", "{{json .HostConfig.Devices}}", "dev").outLine());
            assertEquals(0, launcher.docker("create", "--name", "dev2", "--device", "/dev/zero", "base", "true").exitCode());
            assertEquals("[{\"PathOnHost\":\"/dev/zero\",\"PathInContainer\":\"/dev/zero\",\"CgroupPermissions\":\"rwm\"}]",
                    launcher.launcher("inspect", "-f", "{{json .HostConfig.Devices}}", "dev2").outLine());
            assertEquals(0, launcher.launcher("rm", "dev2").exitCode());
        }
        assertEquals(0, launcher.launcher("rm", "dev").exitCode());
        assertEquals(0, launcher.launcher("create", "--name", "nodev", "base", "true").exitCode());
        assertEquals("[] null", launcher.launcher("inspect", "-f",
                "{{json .HostConfig.Devices}} {{json .HostConfig.DeviceCgroupRules}}", "nodev").outLine());
        assertEquals(0, launcher.launcher("rm", "nodev").exitCode());
    }

    /**
     * The engine builds a container's spec anew at each start from its record, which holds only
     * what was asked (--device, --device-cgroup-rule): a container created before an engine
     * restart, by a launcher whose shim kept Docker's rules itself say, starts with Docker's rules
     * and its own after them.
     */
    @Test
    void aContainerCreatedBeforeAnEngineRestartStartsWithDockersRulesAndItsOwn() throws Exception {
        assumeDevicesCgroup();
        assertEquals(0, launcher.launcher("create", "--name", "before", "--network", "none", "--device-cgroup-rule",
                "c 10:229 r", "base", "sh", "-c", RULES_PROBE).exitCode());
        launcher.killDaemon();
        launcher.startDaemon();
        Result start = launcher.launcher("start", "-a", "before");
        assertEquals(List.of("null=ok", "read=ok", "write=denied"), start.out().lines().toList(), start.err());
        assertEquals(0, launcher.launcher("rm", "before").exitCode());
    }

    /**
     * A native container still running from a launcher whose shim kept Docker's rules itself has a
     * bundle spec without them; an exec reads that spec but joins the cgroup as it is, so the rules
     * set when it started hold. Its spec is made so by hand here.
     */
    @Test
    void anExecIntoAContainerWhoseBundleHasNoRulesKeepsTheRulesItStartedWith() throws Exception {
        assumeTrue(backend.equals("native"), "the bundle spec is backend-native's");
        assumeDevicesCgroup();
        String id = launcher.launcher("run", "-d", "--name", "old", "--network", "none", "base", "sleep", "600").outLine();
        Path spec;
        try (var found = Files.find(launcher.root(), 8, (path, attributes) -> path.endsWith(Path.of(id, "spec")))) {
            spec = found.findFirst().orElseThrow();
        }
        Files.write(spec, Files.readAllLines(spec).stream().filter(line -> !line.startsWith("devicerule ")).toList());
        launcher.killDaemon();
        launcher.startDaemon();
        Result exec = launcher.launcher("exec", "old", "sh", "-c", "echo x > /dev/null && echo null=ok;"
                + " mknod /dev/kfuse c 10 229 && (exec 3</dev/kfuse) 2>/dev/null || echo fuse=denied");
        assertEquals(List.of("null=ok", "fuse=denied"), exec.out().lines().toList(), exec.err());
        assertEquals(0, launcher.launcher("rm", "-f", "old").exitCode());
    }
}
