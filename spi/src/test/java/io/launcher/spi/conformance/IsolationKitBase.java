package io.launcher.spi.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.launcher.api.ContainerId;
import io.launcher.api.ExitStatus;
import io.launcher.api.IllegalTransitionException;
import io.launcher.api.ResourceLimits;
import io.launcher.spi.isolation.BindMount;
import io.launcher.spi.isolation.IsolationBackend;
import io.launcher.spi.isolation.NetworkAttachment;
import io.launcher.spi.isolation.ProcessSpec;
import io.launcher.spi.isolation.Sandbox;
import io.launcher.spi.isolation.SandboxSpec;
import io.launcher.spi.isolation.SandboxState;
import io.launcher.spi.isolation.SignalTarget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kit's frame: a fresh state folder, busybox rootfs and backend per test, and cleanup.
 * The kit's cases are split by theme over a chain of classes ({@link ProcessCases}, then
 * {@link IsolationConformanceKit}) so each file stays small; a plugin extends only the last.
 */
@Tag("privileged")
abstract class IsolationKitBase {

    @TempDir
    Path temp;

    Path stateDir;
    IsolationBackend backend;
    BusyboxRootfs rootfs;
    KitRunner runner;

    /** The only hook: a backend that keeps all its state below {@code stateDir}. */
    protected abstract IsolationBackend newBackend(Path stateDir);

    @BeforeEach
    void setUpKit() throws Exception {
        assumeTrue(isRoot(), "the isolation kit needs root");
        assumeTrue(Files.isExecutable(BusyboxRootfs.BUSYBOX), "the isolation kit needs a static /bin/busybox");
        stateDir = Files.createDirectories(temp.resolve("state"));
        rootfs = BusyboxRootfs.create(temp.resolve("rootfs"));
        runner = new KitRunner(rootfs, Files.createDirectories(temp.resolve("logs")));
        backend = newBackend(stateDir);
    }

    @AfterEach
    void cleanUpKit() {
        if (runner != null) {
            runner.cleanUp();
        }
    }

    List<Path> pathsNaming(ContainerId id) throws IOException {
        try (Stream<Path> paths = Files.walk(stateDir)) {
            return paths.filter(p -> p.getFileName().toString().contains(id.value())).toList();
        }
    }

    static List<String> mountPoints(String mountinfo) {
        return mountinfo.lines().map(line -> line.split(" ")).filter(f -> f.length > 6 && f[0].matches("\\d+"))
                .map(f -> f[4]).toList();
    }

    static boolean isRoot() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream()
                    .anyMatch(line -> line.matches("Uid:\\s+0\\s.*"));
        } catch (IOException e) {
            return false;
        }
    }
}
