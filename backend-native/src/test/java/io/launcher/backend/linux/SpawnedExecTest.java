package io.launcher.backend.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.launcher.api.ContainerId;
import io.launcher.api.ResourceLimits;
import io.launcher.spi.conformance.BusyboxRootfs;
import io.launcher.spi.isolation.Capabilities;
import io.launcher.spi.isolation.ExecProcess;
import io.launcher.spi.isolation.NetworkAttachment;
import io.launcher.spi.isolation.ProcessSpec;
import io.launcher.spi.isolation.Sandbox;
import io.launcher.spi.isolation.SandboxSpec;
import io.launcher.spi.isolation.SignalTarget;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exec processes come from the shim's spawner, never from the JVM: the relay is a child of the
 * spawner (its exec spare), and the spawner is the JVM's child. A restarted engine (a new backend
 * on the same state) and a killed spawner still take execs.
 */
@Tag("privileged")
class SpawnedExecTest {
    @TempDir
    Path temp;

    private static ProcessSpec process(boolean stdin, String... args) {
        return new ProcessSpec(List.of(args), List.of(), "/", 0, 0, List.of(), false, stdin);
    }

    private static String output(ExecProcess exec) throws Exception {
        String out = new String(exec.stdout().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, exec.exit().get(30, TimeUnit.SECONDS), new String(exec.stderr().readAllBytes(), StandardCharsets.UTF_8));
        return out;
    }

    /** The relay's parent is a spawner this JVM started. */
    private static ProcessHandle spawnerOf(ExecProcess exec) {
        ProcessHandle relay = ProcessHandle.of(exec.pid()).orElseThrow();
        ProcessHandle spawner = relay.parent().orElseThrow();
        assertNotEquals(ProcessHandle.current().pid(), spawner.pid(), "the JVM launched the exec itself");
        assertEquals(ProcessHandle.current().pid(), spawner.parent().orElseThrow().pid());
        String command = spawner.info().commandLine().orElse("");
        assertTrue(command.contains("launcher-shim serve"), command);
        return spawner;
    }

    @Test
    void execsComeFromTheSpawnerAcrossARestartedEngineAndAKilledSpawner() throws Exception {
        assumeTrue(HostProbe.privileged(), "the native backend needs root");
        assumeTrue(Files.isExecutable(BusyboxRootfs.BUSYBOX), "needs a static /bin/busybox");
        // longer than sockaddr_un holds: exec.sock is reached through its folder's descriptor
        Path state = temp.resolve("state-" + "x".repeat(100));
        BusyboxRootfs rootfs = BusyboxRootfs.create(temp.resolve("rootfs"));
        ContainerId id = ContainerId.random();
        SandboxSpec spec = new SandboxSpec(id, rootfs.mounts(), process(false, "sleep", "60"), "spawned",
                new NetworkAttachment.Private(), ResourceLimits.NONE, List.of(), false, temp.resolve(id + ".log"),
                Capabilities.DOCKER_DEFAULT);
        Sandbox sandbox = NativeIsolationBackend.open(state).run(spec);
        try {
            ExecProcess cat = sandbox.exec(process(true, "cat"));
            ProcessHandle first = spawnerOf(cat);
            cat.stdin().write("through the spawner\n".getBytes(StandardCharsets.UTF_8));
            cat.stdin().close();
            assertEquals("through the spawner\n", output(cat));

            ExecProcess sleeper = sandbox.exec(process(false, "sleep", "60"));
            Signals.send(sleeper.pid(), 15);
            assertEquals(128 + 15, sleeper.exit().get(30, TimeUnit.SECONDS), "the relay forwards the signal");

            // an engine restarted on the same state: the container is adopted and takes execs
            Sandbox adopted = NativeIsolationBackend.open(state).load(id).orElseThrow();
            // each waits for its input, so that its relay is still there to be looked at
            ExecProcess host = adopted.exec(process(true, "sh", "-c", "read go; hostname"));
            ProcessHandle second = spawnerOf(host);
            host.stdin().close();
            assertEquals("spawned\n", output(host));
            assertNotEquals(first.pid(), second.pid());

            second.destroyForcibly();
            second.onExit().get(30, TimeUnit.SECONDS);
            ExecProcess again = adopted.exec(process(true, "sh", "-c", "read go; exit 7"));
            assertNotEquals(second.pid(), spawnerOf(again).pid(), "a killed spawner is started again");
            again.stdin().close();
            assertEquals(7, again.exit().get(30, TimeUnit.SECONDS));
        } finally {
            sandbox.signal(9, SignalTarget.ALL);
            sandbox.exit().get(30, TimeUnit.SECONDS);
            sandbox.delete();
        }
    }
}
