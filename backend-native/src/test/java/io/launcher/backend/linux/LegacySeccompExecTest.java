package io.launcher.backend.linux;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
 * Live restore across the upgrade to the compiled default filter: a running container whose
 * bundle spec says {@code seccomp default} (as launchers wrote it before) takes an exec once an
 * engine loads it, under the default filter for its capabilities.
 */
@Tag("privileged")
class LegacySeccompExecTest {
    @TempDir
    Path temp;

    private record Result(int exit, String out, String err) {
    }

    private static Result run(Sandbox sandbox, String... args) throws Exception {
        ExecProcess exec = sandbox.exec(new ProcessSpec(List.of(args), List.of(), "/", 0, 0, List.of(), false, false));
        String out = new String(exec.stdout().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(exec.stderr().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(exec.exit().get(30, TimeUnit.SECONDS), out, err);
    }

    @Test
    void anExecIntoAContainerWithTheOldRecordRunsFiltered() throws Exception {
        assumeTrue(HostProbe.privileged(), "the native backend needs root");
        assumeTrue(Files.isExecutable(BusyboxRootfs.BUSYBOX), "needs a static /bin/busybox");
        Path state = temp.resolve("state");
        BusyboxRootfs rootfs = BusyboxRootfs.create(temp.resolve("rootfs"));
        ContainerId id = ContainerId.random();
        SandboxSpec spec = new SandboxSpec(id, rootfs.mounts(),
                new ProcessSpec(List.of("sleep", "60"), List.of(), "/", 0, 0, List.of(), false, false), "legacy",
                new NetworkAttachment.Private(), ResourceLimits.NONE, List.of(), false, temp.resolve(id + ".log"),
                Capabilities.DOCKER_DEFAULT);
        Sandbox sandbox = NativeIsolationBackend.open(state).run(spec);
        try {
            Path specFile = state.resolve("containers").resolve(id.value()).resolve("spec");
            byte[] current = Files.readAllBytes(specFile);
            String old = new String(current, StandardCharsets.UTF_8).replaceFirst("(?m)^seccomp program [0-9a-f]+$",
                    "seccomp default");
            Files.writeString(specFile, old);
            Result refused = run(sandbox, "true");
            assertEquals(126, refused.exit(), "the shim refuses the old record: " + refused.err());
            assertTrue(refused.err().contains("recreate"), refused.err());

            // an upgraded engine: a new backend on the same state, loading the running container
            Sandbox restored = NativeIsolationBackend.open(state).load(id).orElseThrow();
            assertArrayEquals(current, Files.readAllBytes(specFile), "the record became the program for its capabilities");
            Result status = run(restored, "cat", "/proc/self/status");
            assertEquals(0, status.exit(), status.err());
            assertTrue(status.out().contains("\nSeccomp:\t2\n"), status.out());
        } finally {
            sandbox.signal(9, SignalTarget.ALL);
            sandbox.exit().get(30, TimeUnit.SECONDS);
            sandbox.delete();
        }
    }
}
