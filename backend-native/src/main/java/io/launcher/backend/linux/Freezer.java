package io.launcher.backend.linux;

import io.launcher.api.ContainerId;
import io.launcher.api.SystemCallFailedException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The cgroup freezer of one container, in the cgroup the shim made for it (cgroup.c): v2's
 * {@code cgroup.freeze} where /sys/fs/cgroup is the unified hierarchy, else v1's
 * {@code freezer.state}. Freezing is asynchronous in both: {@link #freeze()} waits until the
 * kernel reports every task frozen, as runc does.
 */
final class Freezer {
    private static final Path CGROUP_ROOT = Path.of("/sys/fs/cgroup");
    private static final long FREEZE_TIMEOUT_MILLIS = 10_000;

    private final Path dir;
    private final boolean unified;

    Freezer(Path dir, boolean unified) {
        this.dir = dir;
        this.unified = unified;
    }

    static Freezer of(ContainerId id) {
        boolean unified = Files.exists(CGROUP_ROOT.resolve("cgroup.controllers"));
        Path dir = unified ? CGROUP_ROOT.resolve("launcher").resolve(id.value())
                : CGROUP_ROOT.resolve("freezer").resolve("launcher").resolve(id.value());
        return new Freezer(dir, unified);
    }

    void freeze() {
        write(unified ? "cgroup.freeze" : "freezer.state", unified ? "1" : "FROZEN");
        long deadline = System.currentTimeMillis() + FREEZE_TIMEOUT_MILLIS;
        while (!frozen()) {
            if (System.currentTimeMillis() > deadline) {
                thaw();
                throw new SystemCallFailedException("freeze", dir.toString(), "tasks did not freeze within 10 seconds");
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                thaw();
                throw new SystemCallFailedException("freeze", dir.toString(), "interrupted");
            }
        }
    }

    void thaw() {
        write(unified ? "cgroup.freeze" : "freezer.state", unified ? "0" : "THAWED");
    }

    /** Whether every task is frozen (false too when the cgroup is gone). */
    boolean frozen() {
        try {
            if (unified) {
                return Files.readAllLines(dir.resolve("cgroup.events")).contains("frozen 1");
            }
            return Files.readString(dir.resolve("freezer.state")).strip().equals("FROZEN");
        } catch (IOException e) {
            return false;
        }
    }

    private void write(String file, String value) {
        try {
            Files.writeString(dir.resolve(file), value, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new SystemCallFailedException("write", dir.resolve(file).toString(), e.getMessage());
        }
    }
}
