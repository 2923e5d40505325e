package io.launcher.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.launcher.e2e.Distribution.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code --storage-opt size} on a state root whose filesystem has project quotas (one this class
 * makes on a loop device): a bounded container cannot write past its size ("Disk quota exceeded"),
 * through the launcher CLI and the docker CLI alike; one of the same image without the option is
 * not bounded; inspect shows the option; after rm the container's project has no limit left.
 */
@Tag("privileged")
class StorageOptIT {
    /** 20 MiB written and flushed: twice the bound. */
    private static final String[] WRITE_20M = {"dd", "if=/dev/zero", "of=/big", "bs=1M", "count=20", "conv=fsync"};

    private static QuotaFilesystem fs;
    private static Distribution launcher;

    @BeforeAll
    static void start() throws Exception {
        fs = QuotaFilesystem.mount();
        launcher = Distribution.startIn(fs.mountPoint(), List.of()).withBaseImage();
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (launcher != null) {
                launcher.close();
            }
        } finally {
            if (fs != null) {
                fs.close();
            }
        }
    }

    @Test
    void aBoundedContainerCannotWritePastItsSize() throws Exception {
        Result run = launcher.launcher(args("run", "--rm", "--network", "none", "--storage-opt", "size=10m", "base"));
        assertNotEquals(0, run.exitCode(), run.out());
        assertTrue(run.err().contains("Disk quota exceeded"), run.err());
    }

    @Test
    void aContainerOfTheSameImageWithoutTheOptionIsNotBounded() throws Exception {
        Result run = launcher.launcher(args("run", "--rm", "--network", "none", "base"));
        assertEquals(0, run.exitCode(), run.err());
    }

    @Test
    void theDockerCliBoundsTheLayerToo() throws Exception {
        assumeTrue(Distribution.dockerCli().isPresent(), "no docker CLI installed");
        Result run = launcher.docker(args("run", "--rm", "--network", "none", "--storage-opt", "size=10m", "base"));
        assertNotEquals(0, run.exitCode(), run.out());
        assertTrue(run.err().contains("Disk quota exceeded"), run.err());
    }

    @Test
    void inspectShowsTheOptionAndRemovalLeavesNoQuota() throws Exception {
        Result created = launcher.launcher("create", "--storage-opt", "size=10m", "base", "true");
        assertEquals(0, created.exitCode(), created.err());
        String id = created.outLine();
        Result inspect = launcher.launcher("inspect", "-f", "{{json .HostConfig.StorageOpt}}", id);
        assertEquals("{\"size\":\"10m\"}", inspect.outLine(), inspect.err());
        int project = lastProject();
        assertEquals(10L << 20, ProjectQuotaProbe.hardLimitBytes(fs.mountPoint(), project));
        Result removed = launcher.launcher("rm", id);
        assertEquals(0, removed.exitCode(), removed.err());
        assertFalse(ProjectQuotaProbe.inUse(fs.mountPoint(), project), "project " + project + " outlived its container");
    }

    /** The project id the overlay driver handed out last, from its counter in the state root. */
    private static int lastProject() throws IOException {
        try (Stream<Path> files = Files.walk(launcher.root())) {
            Path counter = files.filter(path -> path.getFileName().toString().equals("project-id")).findFirst()
                    .orElseThrow(() -> new AssertionError("no project-id counter below " + launcher.root()));
            return Integer.parseInt(Files.readString(counter).trim());
        }
    }

    private static String[] args(String... head) {
        return Stream.concat(Stream.of(head), Stream.of(WRITE_20M)).toArray(String[]::new);
    }
}
