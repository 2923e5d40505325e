package io.launcher.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.launcher.api.ContainerConfig;
import io.launcher.api.ContainerId;
import io.launcher.api.ExecConfig;
import io.launcher.api.ExecDetails;
import io.launcher.api.ExecSession;
import io.launcher.api.FailedPreconditionException;
import io.launcher.api.HostConfig;
import io.launcher.api.LogCursor;
import io.launcher.api.LogEntry;
import io.launcher.api.NotFoundException;
import io.launcher.api.StdStream;
import io.launcher.api.WaitCondition;
import io.launcher.daemon.ApiServerExtension;
import io.launcher.daemon.FakeEngine;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Stdin, exec, resize, restart and rename from RemoteEngine through the daemon to an engine and back. */
class RemoteTerminalTest {
    private final FakeEngine fake = new FakeEngine();
    @RegisterExtension
    final ApiServerExtension api = new ApiServerExtension(fake);
    private RemoteEngine remote;

    @BeforeEach
    void start() throws IOException {
        remote = RemoteEngine.connect(api.socket());
    }

    private ContainerId running(String name, List<String> cmd, boolean stdinOnce) {
        ContainerId id = remote.create(Optional.of(name), new ContainerConfig("base", cmd, List.of(), List.of(), "", "", "",
                false, true, stdinOnce, Map.of()), HostConfig.DEFAULT);
        remote.start(name);
        return id;
    }

    private static void eventually(BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(5));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("condition not met within 5 s");
            }
            Thread.sleep(10);
        }
    }

    private static String read(LogCursor cursor) throws Exception {
        StringBuilder text = new StringBuilder();
        for (Optional<LogEntry> e = cursor.next(); e.isPresent(); e = cursor.next()) {
            text.append(e.get().stream() == StdStream.STDERR ? "E:" : "").append(new String(e.get().data(), StandardCharsets.UTF_8));
        }
        return text.toString();
    }

    @Test
    void stdinGoesToTheContainerAndItsCloseEndsAStdinOnceInput() throws Exception {
        ContainerId id = running("cat", List.of("cat"), true);
        LogCursor output = remote.attach("cat", true, true);
        try (OutputStream stdin = remote.attachStdin("cat")) {
            stdin.write("one\n".getBytes(StandardCharsets.UTF_8));
        }
        assertEquals("one\n", read(output));
        eventually(() -> fake.stdinClosed.contains(id.value()));
        assertEquals(0, remote.await("cat", WaitCondition.NOT_RUNNING));
    }

    @Test
    void execRoundTripsWithStdinOutputAndExitCode() throws Exception {
        running("box", List.of("sleep"), false);
        String exec = remote.createExec("box", new ExecConfig(List.of("cat"), List.of("A=1"), "/w", "", false, true, true, true));
        ExecDetails created = remote.inspectExec(exec);
        assertEquals(List.of("cat"), created.config().cmd());
        assertEquals("/w", created.config().workingDir());
        assertFalse(created.running());
        try (ExecSession session = remote.startExec(exec)) {
            session.stdin().write("piped".getBytes(StandardCharsets.UTF_8));
            remote.resizeExec(exec, 10, 20);
            session.stdin().close();
            assertEquals("piped", read(session.output()));
        }
        ExecDetails ended = remote.inspectExec(exec);
        assertFalse(ended.running());
        assertEquals(0, ended.exitCode());
        String failing = remote.createExec("box", new ExecConfig(List.of("warn", "x"), List.of(), "", "", false, false, true, true));
        try (ExecSession session = remote.startExec(failing)) {
            assertEquals("E:x\n", read(session.output()));
        }
        assertThrows(NotFoundException.class, () -> remote.inspectExec("f".repeat(64)));
    }

    @Test
    void resizeRestartAndRename() throws Exception {
        ContainerId id = running("r", List.of("sleep"), false);
        remote.resize("r", 33, 99);
        assertEquals(id.value() + " 33x99", fake.lastResize);
        remote.restart("r", 0);
        assertTrue(remote.container("r").state().running());
        remote.rename("r", "r2");
        assertEquals("r2", remote.container(id.value()).name());
        remote.stop("r2", 0);
        assertThrows(FailedPreconditionException.class, () -> remote.createExec("r2",
                new ExecConfig(List.of("x"), List.of(), "", "", false, false, false, false)));
    }
}
