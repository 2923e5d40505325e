package io.launcher.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.launcher.e2e.Distribution.Result;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The real docker CLI, a client no one here wrote, driving Launcher's engine through its socket. */
@Tag("privileged")
class DockerCliIT {
    private static Distribution launcher;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(Distribution.dockerCli().isPresent(), "no docker CLI installed");
        launcher = Distribution.start().withBaseImage();
    }

    @AfterAll
    static void stop() throws Exception {
        if (launcher != null) {
            launcher.close();
        }
    }

    @Test
    void runRmPrintsAndReturnsTheExitCode() throws Exception {
        Result run = launcher.docker("run", "--rm", "--network", "none", "base", "sh", "-c", "echo via-docker; exit 5");
        assertEquals(5, run.exitCode(), run.err());
        assertEquals("via-docker\n", run.out());
    }

    @Test
    void detachedContainerExecLogsInspectAndForcedRemoval() throws Exception {
        Result started = launcher.docker("run", "-d", "--name", "svc", "base", "sh", "-c", "echo ready; sleep 300");
        assertEquals(0, started.exitCode(), started.err());
        Result ps = launcher.docker("ps", "--format", "{{.Names}} {{.Status}}");
        assertTrue(ps.out().lines().anyMatch(l -> l.startsWith("svc Up")), ps.out());
        Result exec = launcher.docker("exec", "svc", "sh", "-c", "echo inside-$(hostname)");
        assertEquals(0, exec.exitCode(), exec.err());
        assertTrue(exec.out().startsWith("inside-"), exec.out());
        assertEquals(3, launcher.docker("exec", "svc", "sh", "-c", "exit 3").exitCode());
        assertEquals("ready\n", launcher.docker("logs", "svc").out());
        Result inspect = launcher.docker("inspect", "-f", "{{.State.Running}} {{.Config.Cmd}} {{.NetworkSettings.IPAddress}}", "svc");
        assertTrue(inspect.out().startsWith("true [sh -c echo ready; sleep 300] 10.87."), inspect.out());
        assertEquals(0, launcher.docker("rm", "-f", "svc").exitCode());
        assertTrue(launcher.docker("ps", "-a", "--format", "{{.Names}}").out().lines().noneMatch("svc"::equals));
    }

    @Test
    void imagesAndCommit() throws Exception {
        assertEquals(0, launcher.docker("run", "--name", "maker", "--network", "none", "base", "sh", "-c", "echo made > /made").exitCode());
        assertEquals(0, launcher.docker("commit", "maker", "made:v1").exitCode());
        Result images = launcher.docker("images", "--format", "{{.Repository}}:{{.Tag}}");
        assertTrue(images.out().lines().anyMatch("made:v1"::equals), images.out());
        Result run = launcher.docker("run", "--rm", "--network", "none", "made:v1", "cat", "/made");
        assertEquals("made\n", run.out(), run.err());
        assertEquals(0, launcher.docker("rm", "maker").exitCode());
        assertEquals(0, launcher.docker("rmi", "made:v1").exitCode());
    }

    @Test
    void versionNegotiatesAnApiVersion() throws Exception {
        Result version = launcher.docker("version", "--format", "{{.Server.APIVersion}}");
        assertEquals(0, version.exitCode(), version.err());
        assertTrue(version.out().strip().matches("1\\.[0-9]+"), version.out());
    }
}
