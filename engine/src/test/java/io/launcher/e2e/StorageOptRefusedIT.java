package io.launcher.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.launcher.e2e.Distribution.Result;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code --storage-opt size} on a state root whose filesystem has no project quotas (this host's
 * own, as in CI): refused before anything is created, in Docker's words and with its exit code,
 * through the launcher CLI and the docker CLI alike.
 */
@Tag("privileged")
class StorageOptRefusedIT {
    private static final String REFUSAL =
            "Error response from daemon: --storage-opt is supported only for overlay over xfs with 'pquota' mount option";

    private static Distribution launcher;

    @BeforeAll
    static void start() throws Exception {
        launcher = Distribution.start().withBaseImage();
        Process findmnt = new ProcessBuilder("findmnt", "-no", "OPTIONS", "-T", launcher.root().toString()).start();
        String options = new String(findmnt.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        findmnt.waitFor();
        assumeFalse(options.matches("(?s).*\\b(prjquota|pquota|prjjquota)\\b.*"),
                "the state root's filesystem has project quotas: nothing to refuse");
    }

    @AfterAll
    static void stop() throws Exception {
        if (launcher != null) {
            launcher.close();
        }
    }

    @Test
    void runAndCreateAreRefusedWithDockersLineAndExitCode() throws Exception {
        Result run = launcher.launcher("run", "--rm", "--storage-opt", "size=10m", "base", "true");
        assertEquals(125, run.exitCode(), run.err());
        assertEquals("launcher: " + REFUSAL + "\n", run.err());
        Result create = launcher.launcher("create", "--storage-opt", "size=10m", "base", "true");
        assertEquals(125, create.exitCode(), create.err());
        assertEquals("launcher: " + REFUSAL + "\n", create.err());
        assertEquals("", launcher.launcher("ps", "-aq").out(), "a refused container is not created");
    }

    @Test
    void theDockerCliGetsTheSameRefusal() throws Exception {
        assumeTrue(Distribution.dockerCli().isPresent(), "no docker CLI installed");
        Result run = launcher.docker("run", "--rm", "--storage-opt", "size=10m", "base", "true");
        assertEquals(125, run.exitCode(), run.err());
        assertEquals("docker: " + REFUSAL, run.err().lines().findFirst().orElse("").replaceAll("\\.$", ""));
        assertEquals("", launcher.launcher("ps", "-aq").out(), "a refused container is not created");
    }

    @Test
    void badOptionsAreOneLine() throws Exception {
        Result pair = launcher.launcher("create", "--storage-opt", "size", "base", "true");
        assertEquals(125, pair.exitCode(), pair.err());
        assertEquals(1, pair.err().lines().count(), pair.err());
        Result unknown = launcher.launcher("create", "--storage-opt", "foo=1", "base", "true");
        assertEquals("launcher: Error response from daemon: Unknown option foo\n", unknown.err());
    }
}
