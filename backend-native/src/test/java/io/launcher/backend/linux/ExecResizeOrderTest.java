package io.launcher.backend.linux;

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
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A resize sent before input reaches the exec's terminal before that input does, however late its
 * relay runs (`docker exec -it c sh -c 'read go; stty size'`). The relay is stopped while both
 * arrive, then put on one CPU with its processes at the idle policy, so that the input, once
 * written, lets the shell and stty run before the relay gets the CPU back: a relay that wrote the
 * input before it applied the size had stty see 0x0 ("stty: standard input").
 */
@Tag("privileged")
class ExecResizeOrderTest {
    private static final int SIGSTOP = 19;
    private static final int SIGCONT = 18;
    private static final int ROUNDS = 5;

    @TempDir
    Path temp;

    @Test
    void aResizeBeforeInputIsAppliedBeforeTheInputArrives() throws Exception {
        assumeTrue(HostProbe.privileged(), "the native backend needs root");
        assumeTrue(Files.isExecutable(BusyboxRootfs.BUSYBOX), "needs a static /bin/busybox");
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/taskset")) && Files.isExecutable(Path.of("/usr/bin/chrt")),
                "needs taskset and chrt");
        BusyboxRootfs rootfs = BusyboxRootfs.create(temp.resolve("rootfs"));
        ContainerId id = ContainerId.random();
        SandboxSpec spec = new SandboxSpec(id, rootfs.mounts(), process(false, "sleep", "60"), "resize",
                new NetworkAttachment.Private(), ResourceLimits.NONE, List.of(), false, temp.resolve(id + ".log"),
                Capabilities.DOCKER_DEFAULT);
        Sandbox sandbox = NativeIsolationBackend.open(temp.resolve("state")).run(spec);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                resizeThenInput(sandbox, 24 + round, 90);
            }
        } finally {
            sandbox.signal(9, SignalTarget.ALL);
            sandbox.exit().get(30, TimeUnit.SECONDS);
            sandbox.delete();
        }
    }

    private static void resizeThenInput(Sandbox sandbox, int rows, int columns) throws Exception {
        ExecProcess shell = sandbox.exec(process(true, "sh", "-c", "tty; read go; stty size"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        // the shell waits in read: the relay is in its loop, past the size it read when it made the pty
        readUntil(shell.stdout(), out, "/dev/pts/");
        starve(shell.pid());
        Signals.send(shell.pid(), SIGSTOP);
        try (OutputStream stdin = shell.stdin()) {
            shell.resize(rows, columns);
            stdin.write("go\n".getBytes(StandardCharsets.UTF_8));
            stdin.flush();
            Signals.send(shell.pid(), SIGCONT);
            shell.stdout().transferTo(out);
        }
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains(rows + " " + columns), text);
        assertEquals(0, shell.exit().get(30, TimeUnit.SECONDS), text);
    }

    /**
     * The relay and its descendants on one CPU, the relay at the idle policy. A descendant may be
     * gone by the time it is pinned (`tty` exiting after its line): only the relay must be there.
     */
    private static void starve(long relay) throws Exception {
        run("taskset", "-p", "-c", "0", String.valueOf(relay));
        List<ProcessHandle> descendants = new ArrayList<>();
        ProcessHandle.of(relay).orElseThrow().descendants().forEach(descendants::add);
        for (ProcessHandle descendant : descendants) {
            int code = exitCode("taskset", "-p", "-c", "0", String.valueOf(descendant.pid()));
            assertTrue(code == 0 || !descendant.isAlive(), "taskset of live descendant " + descendant.pid() + ": " + code);
        }
        run("chrt", "-i", "-p", "0", String.valueOf(relay));
    }

    private static void run(String... command) throws Exception {
        assertEquals(0, exitCode(command), String.join(" ", command));
    }

    private static int exitCode(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        return process.waitFor();
    }

    private static void readUntil(InputStream in, ByteArrayOutputStream out, String text) throws Exception {
        byte[] buffer = new byte[256];
        while (!out.toString(StandardCharsets.UTF_8).contains(text)) {
            int n = in.read(buffer);
            assertTrue(n > 0, "the exec ended before printing " + text + ": " + out);
            out.write(buffer, 0, n);
        }
    }

    private static ProcessSpec process(boolean terminal, String... args) {
        return new ProcessSpec(List.of(args), List.of("PATH=/bin"), "/", 0, 0, List.of(), terminal, true);
    }
}
