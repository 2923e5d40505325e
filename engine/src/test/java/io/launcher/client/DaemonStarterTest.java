package io.launcher.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.launcher.api.UnavailableException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DaemonStarterTest {
    @TempDir
    Path dir;

    @AfterEach
    void stopDaemon() throws IOException {
        Path pid = dir.resolve("root/daemon.pid");
        if (Files.exists(pid)) {
            Optional<ProcessHandle> daemon = ProcessHandle.of(Long.parseLong(Files.readString(pid).strip()));
            daemon.ifPresent(ProcessHandle::destroy);
            daemon.ifPresent(p -> p.onExit().join());
        }
    }

    private Path home(String script) throws IOException {
        Path bin = Files.createDirectories(dir.resolve("home/bin"));
        Path launcher = bin.resolve("launcher");
        Files.writeString(launcher, "#!/bin/sh\n" + script + "\n");
        Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
        return dir.resolve("home");
    }

    @Test
    void startsADetachedDaemonAndConnects() throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path home = home("exec " + java + " -cp '" + System.getProperty("java.class.path") + "' "
                + FakeDaemonMain.class.getName() + " \"$@\"");
        Path socket = dir.resolve("root/engine.sock");
        RemoteEngine engine = RemoteEngine.connectOrStart(socket, dir.resolve("root"), home, List.of("--backend", "native"));
        assertEquals("native", engine.info().isolationBackend());
        String log = Files.readString(dir.resolve("root/engine.log"));
        assertTrue(log.contains("fake daemon --root " + dir.resolve("root") + " -H unix://" + socket + " daemon --backend native"), log);
        long pid = Long.parseLong(Files.readString(dir.resolve("root/daemon.pid")).strip());
        // Detached: a session of its own, so the client's terminal and exit leave it alone.
        assertEquals(pid, Long.parseLong(Files.readString(Path.of("/proc", Long.toString(pid), "stat")).split(" ")[5]));
        RemoteEngine again = RemoteEngine.connectOrStart(socket, dir.resolve("root"), home, List.of());
        assertEquals(engine.info(), again.info());
    }

    @Test
    void reportsTheLogTailWhenTheDaemonDies() throws IOException {
        Path home = home("echo 'launcher: unable to open /nowhere: EACCES' >&2\nexit 3");
        UnavailableException e = assertThrows(UnavailableException.class, () -> RemoteEngine.connectOrStart(
                dir.resolve("root/engine.sock"), dir.resolve("root"), home, List.of()));
        assertTrue(e.getMessage().contains("exited with status 3"), e.getMessage());
        assertTrue(e.getMessage().contains("unable to open /nowhere: EACCES"), e.getMessage());
    }

    @Test
    void commandRunsTheDistributionInItsOwnSession() {
        DaemonStarter starter = new DaemonStarter(Path.of("/r/s.sock"), Path.of("/r"), Path.of("/opt/launcher"), List.of("--storage", "overlay"));
        List<String> command = starter.command();
        assertTrue(command.get(0).endsWith("setsid"), command.toString());
        assertEquals(List.of("/opt/launcher/bin/launcher", "--root", "/r", "-H", "unix:///r/s.sock", "daemon", "--storage", "overlay"),
                command.subList(1, command.size()));
        assertEquals(Path.of("/r/engine.log"), starter.logFile());
    }
}
