package io.launcher.backend.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.launcher.api.InvalidSpecException;
import io.launcher.api.SystemCallFailedException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpawnerTest {

    @Test
    void repliesParse() {
        assertEquals(new MonitorPids(12, 34), Spawner.parse("ok 12 34"));
        InvalidSpecException spec = assertThrows(InvalidSpecException.class,
                () -> Spawner.parse("error 2 no command specified"));
        assertEquals("no command specified", spec.getMessage());
        SystemCallFailedException call = assertThrows(SystemCallFailedException.class,
                () -> Spawner.parse("error 1 unable to mount overlay at /x/rootfs: EINVAL"));
        assertEquals("mount overlay at", call.operation());
        assertEquals("EINVAL", call.errno());
    }

    @Test
    @Tag("privileged")
    void aKilledSpawnerIsStartedAgainAndReportsSpecErrors(@TempDir Path dir) throws IOException, InterruptedException {
        assumeTrue("root".equals(System.getProperty("user.name")), "needs root");
        Shim shim = Shim.install(dir.resolve("bin"));
        Path bundle = Files.createDirectories(dir.resolve("bundle"));
        Files.writeString(bundle.resolve("spec"), "version 1\nid abc\nlog " + dir.resolve("log") + "\ncwd /\n");
        assertThrows(InvalidSpecException.class, () -> shim.create(bundle));
        long first = shim.spawnerPid();
        ProcessHandle.of(first).ifPresent(ProcessHandle::destroyForcibly);
        awaitGone(first);
        InvalidSpecException again = assertThrows(InvalidSpecException.class, () -> shim.create(bundle));
        assertEquals("no command specified", again.getMessage());
        assertNotEquals(first, shim.spawnerPid());
        shim.close();
        awaitGone(shim.spawnerPid());
        assertFalse(Files.exists(dir.resolve("bin/spawner.sock")));
        assertFalse(Files.exists(dir.resolve("bin/exec.sock")));
    }

    private static void awaitGone(long pid) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
    }
}
