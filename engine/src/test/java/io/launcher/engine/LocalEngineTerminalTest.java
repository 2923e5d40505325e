package io.launcher.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.launcher.api.AlreadyExistsException;
import io.launcher.api.ContainerConfig;
import io.launcher.api.ContainerId;
import io.launcher.api.ExecConfig;
import io.launcher.api.ExecDetails;
import io.launcher.api.ExecSession;
import io.launcher.api.FailedPreconditionException;
import io.launcher.api.HostConfig;
import io.launcher.api.ImageReference;
import io.launcher.api.ImportRequest;
import io.launcher.api.LogEntry;
import io.launcher.api.NetworkMode;
import io.launcher.api.NotFoundException;
import io.launcher.api.ProgressListener;
import io.launcher.api.ResourceLimits;
import io.launcher.api.WaitCondition;
import io.launcher.engine.FakeIsolation.FakeSandbox;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stdin, terminal size, exec, restart and rename in the engine, against the fake isolation backend. */
class LocalEngineTerminalTest {
    private static final HostConfig NONE = new HostConfig(false, NetworkMode.NONE, ResourceLimits.NONE, List.of(), false, List.of(), List.of());

    @TempDir
    Path root;
    private final FakeIsolation isolation = new FakeIsolation();
    private LocalEngine engine;

    @BeforeEach
    void open() throws IOException {
        engine = LocalEngine.open(new EngineSettings(root, root.resolve("plugins"), Optional.empty(), Optional.empty()),
                new Providers(List.of(isolation), List.of(new FakeStorage()), List.of()));
        engine.importImage(new ByteArrayInputStream(LocalEngineTest.tarball()),
                new ImportRequest(Optional.of(ImageReference.parse("base")), List.of(), "first"), ProgressListener.NONE);
    }

    private ContainerId sleeper(boolean openStdin, boolean stdinOnce, String user) {
        ContainerConfig config = new ContainerConfig("base", List.of("sleep"), List.of(), List.of("A=1"), "/work", user, "",
                true, openStdin, stdinOnce, Map.of());
        return engine.create(Optional.of("s1"), config, NONE);
    }

    /** Kills the container and waits for the exit to be recorded before the temp root goes. */
    private static void end(LocalEngine engine, ContainerId id) throws InterruptedException {
        engine.kill(id.value(), "KILL");
        engine.await(id.value(), WaitCondition.NOT_RUNNING);
    }

    private FakeSandbox sandbox(ContainerId id) {
        return isolation.sandboxes.get(id);
    }

    @Test
    void stdinAttachedBeforeTheStartReachesTheProcessAndStdinOnceClosesIt() throws Exception {
        ContainerId id = sleeper(true, true, "");
        OutputStream stdin = engine.attachStdin(id.value());
        CompletableFuture<Void> typing = CompletableFuture.runAsync(() -> {
            try {
                stdin.write("ls\n".getBytes(StandardCharsets.UTF_8));
                stdin.close();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        Thread.sleep(50);
        assertFalse(typing.isDone(), "the bytes wait for the start");
        engine.start(id.value());
        typing.get(5, TimeUnit.SECONDS);
        assertEquals("ls\n", sandbox(id).stdin.toString(StandardCharsets.UTF_8));
        assertTrue(sandbox(id).stdinClosed);
        end(engine, id);
    }

    @Test
    void closingWithoutStdinOnceOnlyDetachesAndNoOpenStdinIsRefused() throws Exception {
        ContainerId id = sleeper(true, false, "");
        engine.start(id.value());
        try (OutputStream stdin = engine.attachStdin(id.value())) {
            stdin.write('x');
        }
        assertFalse(sandbox(id).stdinClosed);
        engine.kill(id.value(), "KILL");
        engine.await(id.value(), WaitCondition.NOT_RUNNING);
        engine.remove(id.value(), false);
        ContainerId closed = sleeper(false, false, "");
        assertThrows(FailedPreconditionException.class, () -> engine.attachStdin(closed.value()));
    }

    @Test
    void resizeReachesTheRunningSandboxOnly() throws Exception {
        ContainerId id = sleeper(false, false, "");
        assertThrows(FailedPreconditionException.class, () -> engine.resize(id.value(), 24, 80));
        engine.start(id.value());
        engine.resize(id.value(), 24, 80);
        assertArrayEquals(new int[] {24, 80}, sandbox(id).size);
        end(engine, id);
    }

    @Test
    void execRunsWithTheContainersEnvironmentAndReportsItsExit() throws Exception {
        ContainerId id = sleeper(false, false, "1000:100");
        assertThrows(FailedPreconditionException.class, () -> engine.createExec(id.value(),
                new ExecConfig(List.of("echo", "hi"), List.of(), "", "", false, false, true, true)));
        engine.start(id.value());
        String exec = engine.createExec(id.value(),
                new ExecConfig(List.of("cat"), List.of("B=2", "A=3"), "", "", true, true, true, true));
        assertTrue(exec.matches("[0-9a-f]{64}"));
        assertFalse(engine.inspectExec(exec).running());
        try (ExecSession session = engine.startExec(exec)) {
            ExecDetails running = engine.inspectExec(exec);
            assertTrue(running.running());
            assertEquals(-1, running.exitCode());
            session.stdin().write("typed".getBytes(StandardCharsets.UTF_8));
            session.stdin().close();
            StringBuilder out = new StringBuilder();
            for (Optional<LogEntry> e = session.output().next(); e.isPresent(); e = session.output().next()) {
                out.append(new String(e.get().data(), StandardCharsets.UTF_8));
            }
            assertEquals("typed", out.toString());
            ExecDetails ended = engine.inspectExec(exec);
            assertFalse(ended.running());
            assertEquals(0, ended.exitCode());
        }
        FakeExecProcess process = sandbox(id).execs.get(0);
        assertEquals("/work", process.spec.cwd());
        assertEquals(1000, process.spec.uid());
        assertEquals(100, process.spec.gid());
        assertTrue(process.spec.terminal() && process.spec.stdin());
        assertTrue(process.spec.env().contains("A=3") && process.spec.env().contains("B=2"));
        assertFalse(process.spec.env().contains("A=1"));
        assertTrue(process.spec.env().stream().anyMatch(e -> e.startsWith("PATH=")));
        assertThrows(FailedPreconditionException.class, () -> engine.startExec(exec));
        assertThrows(NotFoundException.class, () -> engine.inspectExec("0".repeat(64)));
        end(engine, id);
    }

    @Test
    void execResizesItsTerminal() throws Exception {
        ContainerId id = sleeper(false, false, "");
        engine.start(id.value());
        String exec = engine.createExec(id.value(), new ExecConfig(List.of("cat"), List.of(), "/tmp", "", true, true, true, false));
        assertThrows(FailedPreconditionException.class, () -> engine.resizeExec(exec, 1, 1));
        try (ExecSession session = engine.startExec(exec)) {
            engine.resizeExec(exec, 50, 132);
            assertArrayEquals(new int[] {50, 132}, sandbox(id).execs.get(0).size);
            assertEquals("/tmp", sandbox(id).execs.get(0).spec.cwd());
        }
        end(engine, id);
    }

    @Test
    void restartRunsANewSandboxAndRenameKeepsNamesUnique() throws Exception {
        ContainerId id = sleeper(false, false, "");
        engine.start(id.value());
        FakeSandbox first = sandbox(id);
        engine.restart(id.value(), 1);
        assertTrue(engine.container(id.value()).state().running());
        assertTrue(first.exit.isDone());
        engine.rename("s1", "t1");
        assertEquals("t1", engine.container(id.value()).name());
        assertThrows(NotFoundException.class, () -> engine.container("s1"));
        engine.create(Optional.of("u1"), ContainerConfig.of("base", List.of("sleep")), NONE);
        assertThrows(AlreadyExistsException.class, () -> engine.rename("t1", "u1"));
        assertThrows(io.launcher.api.InvalidSpecException.class, () -> engine.rename("t1", "bad name"));
        engine.close();
        LocalEngine reopened = LocalEngine.open(new EngineSettings(root, root.resolve("plugins"), Optional.empty(), Optional.empty()),
                new Providers(List.of(isolation), List.of(new FakeStorage()), List.of()));
        assertEquals("t1", reopened.container(id.value()).name());
        end(reopened, id);
    }
}
