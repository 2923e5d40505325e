package io.launcher.storage.overlay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.launcher.api.SystemCallFailedException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real calls on a filesystem without project quotas (this host's own, as in CI): quotactl_fd
 * answers that they are off, the project of a fresh directory reads as 0, and a failed call names
 * its errno. The enforcing path is tested end to end by StorageOptIT on a filesystem it makes.
 */
class KernelProjectQuotasTest {
    private final KernelProjectQuotas kernel = new KernelProjectQuotas();

    @TempDir
    Path directory;

    @Test
    void aFilesystemOtherThanXfsIsNeverEnabled() throws IOException {
        assumeFalse("xfs".equals(Files.getFileStore(directory).type()), "this temp dir is on xfs");
        assertFalse(kernel.enabled(directory));
    }

    @Test
    void settingALimitWhereQuotasAreOffFailsWithItsErrno() {
        assumeFalse(kernel.enabled(directory), "this temp dir's filesystem has project quotas on");
        SystemCallFailedException failed = assertThrows(SystemCallFailedException.class,
                () -> kernel.limit(directory, 1, 10L << 20));
        assertEquals("unable to set the quota of project 1 on the filesystem of " + directory + ": "
                + failed.errno(), failed.getMessage());
        assertTrue(failed.errno().equals("ESRCH") || failed.errno().equals("ENOSYS")
                || failed.errno().equals("EINVAL") || failed.errno().equals("EOPNOTSUPP"), failed.errno());
    }

    @Test
    void aFreshDirectoryHasNoProject() {
        assertEquals(0, kernel.project(directory));
    }

    @Test
    void aMissingDirectoryIsOneLineWithItsErrno() {
        Path missing = directory.resolve("missing");
        SystemCallFailedException failed = assertThrows(
                SystemCallFailedException.class, () -> kernel.project(missing));
        assertEquals("unable to open " + missing + ": ENOENT", failed.getMessage());
    }
}
