package io.launcher.backend.lxc;

import io.launcher.api.ExitStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** The exit code the supervisor records and the OOM kills the stop hook counted, as Docker reports them. */
final class ExitFile {
    /** lxc-execute's own failure code, which is also what it reports when lxc-init was killed. */
    private static final int LXC_INIT_LOST = 1;

    private ExitFile() {
    }

    static Optional<ExitStatus> read(ContainerDir dir) {
        return number(dir.exit()).map(code -> status(code, number(dir.oom()).orElse(0) > 0));
    }

    /**
     * lxc-init folds "killed by signal N" into 128+N, so above 128 the signal is inferred, as
     * Docker's own exit codes read (a process that exits 130 by itself reads as SIGINT too).
     */
    static ExitStatus status(int code, boolean oomKilled) {
        if (oomKilled && code == LXC_INIT_LOST) {
            // lxc-init shares the container's memory cgroup: when the kernel's OOM killer takes
            // it too (before LxcSandbox's shield is set, or past it), lxc-execute reports 1, not
            // the 137 of the user's process it took first. A process that itself exits 1 while
            // the OOM killer takes another one in its container reads as killed too.
            return ExitStatus.killed(9, true);
        }
        if (code > 128 && code <= 128 + 64) {
            return ExitStatus.killed(code - 128, oomKilled);
        }
        return new ExitStatus(code, 0, oomKilled);
    }

    private static Optional<Integer> number(Path file) {
        try {
            return Optional.of(Integer.parseInt(Files.readString(file).strip()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
