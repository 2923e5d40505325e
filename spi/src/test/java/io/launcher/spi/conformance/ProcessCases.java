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

/** The container's process: output, exit codes, namespaces, root, signals, lifecycle, limits. */
abstract class ProcessCases extends IsolationKitBase {

    @Test
    void outputOfBothStreamsReachesTheLog() throws Exception {
        KitRunner.Run run = runner.run(backend, runner.spec("sh", "-c", "echo hello; echo oops >&2; printf 'no newline'"));
        assertEquals(0, run.status().code());
        assertEquals("hello\nno newline", run.stdout());
        assertEquals("oops\n", run.stderr());
        assertEquals(3, JsonFileLog.read(run.log()).size(), "one record per line, one for the partial line");
    }

    /** Long lines on both streams at once: a backend may split a line into records, never mix them. */
    @Test
    void longLinesOfBothStreamsStayWholeAndApart() throws Exception {
        String script = "a=$(printf '%03000d' 0 | tr 0 a); b=$(printf '%05000d' 0 | tr 0 b);"
                + " for i in 1 2 3 4 5 6 7 8 9 10; do echo $a$i; echo $b$i >&2; done";
        KitRunner.Run run = runner.run(backend, runner.spec("sh", "-c", script));
        assertEquals(0, run.status().code());
        StringBuilder out = new StringBuilder();
        StringBuilder err = new StringBuilder();
        for (int i = 1; i <= 10; i++) {
            out.append("a".repeat(3000)).append(i).append('\n');
            err.append("b".repeat(5000)).append(i).append('\n');
        }
        assertEquals(out.toString(), run.stdout());
        assertEquals(err.toString(), run.stderr());
    }

    @Test
    void exitCodesAreTheProcesses() throws Exception {
        assertEquals(ExitStatus.exited(0), runner.run(backend, runner.spec("true")).status());
        assertEquals(ExitStatus.exited(3), runner.run(backend, runner.spec("sh", "-c", "exit 3")).status());
    }

    @Test
    void aMissingCommandExitsWith127() throws Exception {
        KitRunner.Run run = runner.run(backend, runner.spec("no-such-command"));
        assertEquals(127, run.status().code());
        assertTrue(run.stderr().contains("no-such-command"), run.stderr());
    }

    @Test
    void aFileThatIsNotExecutableExitsWith126() throws Exception {
        Files.writeString(rootfs.dir().resolve("not-executable"), "#!/bin/sh\necho never\n");
        KitRunner.Run run = runner.run(backend, runner.spec("/not-executable"));
        assertEquals(126, run.status().code());
        assertFalse(run.stdout().contains("never"));
    }

    @Test
    void aKilledContainerReports128PlusTheSignal() throws Exception {
        Sandbox sandbox = runner.create(backend, runner.spec("sleep", "60"));
        sandbox.start();
        sandbox.signal(9, SignalTarget.ALL);
        assertEquals(ExitStatus.killed(9, false), KitRunner.await(sandbox));
    }

    @Test
    void theProcessHasItsOwnPidNamespace() throws Exception {
        KitRunner.Run run = runner.run(backend, runner.spec("sh", "-c", "echo $PPID; ls /proc | grep -c '^[0-9]'"));
        List<String> lines = run.stdout().lines().toList();
        assertEquals("1", lines.get(0), "the shell is a child of the container's pid 1");
        assertTrue(Integer.parseInt(lines.get(1)) <= 4, "no host processes are visible: " + lines.get(1));
    }

    @Test
    void noDescriptorOfTheEngineLeaksIntoTheContainer() throws Exception {
        KitRunner.Run run = runner.run(backend, runner.spec("ls", "/proc/self/fd"));
        Set<String> open = Set.copyOf(run.stdout().lines().toList());
        assertTrue(Set.of("0", "1", "2", "3").containsAll(open), "only stdio (and ls's own folder): " + open);
    }

    @Test
    void theHostnameIsTheSpecs() throws Exception {
        assertEquals(KitRunner.HOSTNAME + "\n", runner.run(backend, runner.spec("hostname")).stdout());
    }

    @Test
    void aPrivateNetworkHasOnlyLoopbackAndItIsUp() throws Exception {
        KitRunner.Run run = runner.run(backend, runner.spec("sh", "-c", "ls /sys/class/net; cat /sys/class/net/lo/flags"));
        List<String> lines = run.stdout().lines().toList();
        assertEquals("lo", lines.get(0));
        assertEquals(2, lines.size(), run.stdout());
        assertEquals(1, Integer.decode(lines.get(1)) & 1, "IFF_UP on lo");
    }

    @Test
    void procIsMountedForTheNewPidNamespace() throws Exception {
        KitRunner.Run run = runner.run(backend, runner.spec("sh", "-c", "cat /proc/self/mountinfo; cat /proc/1/status"));
        assertTrue(mountPoints(run.stdout()).contains("/proc"), run.stdout());
        assertTrue(run.stdout().contains("NSpid:\t1"), "pid 1 of /proc is the container's init");
    }

    @Test
    void theRootIsTheGivenRootfsEnteredByPivotRoot() throws Exception {
        Files.writeString(rootfs.dir().resolve("kit-marker"), "mine\n");
        KitRunner.Run run = runner.run(backend, runner.spec("sh", "-c", "cat /kit-marker; cat /proc/self/mountinfo"));
        assertTrue(run.stdout().startsWith("mine\n"), run.stdout());
        List<String> points = mountPoints(run.stdout());
        assertEquals(1, points.stream().filter("/"::equals).count(), "exactly one root mount: " + points);
        Set<String> allowed = Set.of("/", "/proc", "/sys", "/dev");
        for (String point : points) {
            assertTrue(allowed.contains(point) || point.startsWith("/dev/") || point.startsWith("/proc/")
                    || point.startsWith("/sys/"), "a host mount is reachable (old root not detached?): " + point);
        }
        assertFalse(run.stdout().contains(" " + temp + " "), "the host's paths are not mount points inside");
    }

    @Test
    void orphansAreReaped() throws Exception {
        KitRunner.Run run = runner.run(backend, runner.spec("sh", "-c", "(sleep 0.2 &); sleep 1; cat /proc/[0-9]*/stat"));
        for (String line : run.stdout().lines().toList()) {
            String state = line.substring(line.lastIndexOf(") ") + 2, line.lastIndexOf(") ") + 3);
            assertFalse(state.equals("Z"), "a zombie was left: " + line);
        }
    }

    @Test
    void sigtermToTheInitReachesTheProcess() throws Exception {
        SandboxSpec spec = runner.spec("sh", "-c", "trap 'echo got-term; exit 42' TERM; echo ready; while true; do sleep 0.1; done");
        Sandbox sandbox = runner.create(backend, spec);
        sandbox.start();
        KitRunner.awaitOutput(spec.logFile(), "ready");
        sandbox.signal(15, SignalTarget.INIT);
        assertEquals(ExitStatus.exited(42), KitRunner.await(sandbox));
        assertTrue(JsonFileLog.text(spec.logFile(), "stdout").contains("got-term"));
    }

    @Test
    void aNewBackendOnTheSameStateLoadsARunningSandbox() throws Exception {
        SandboxSpec spec = runner.spec("sh", "-c", "echo up; while [ ! -e /tmp/go ]; do sleep 0.05; done; exit 7");
        Sandbox first = runner.create(backend, spec);
        first.start();
        KitRunner.awaitOutput(spec.logFile(), "up");

        IsolationBackend restarted = newBackend(stateDir);
        Sandbox loaded = restarted.load(spec.id()).orElseThrow();
        assertEquals(SandboxState.RUNNING, loaded.state());
        assertEquals(first.pid(), loaded.pid());
        Files.writeString(rootfs.dir().resolve("tmp/go"), "");
        assertEquals(ExitStatus.exited(7), KitRunner.await(loaded));
        assertEquals(ExitStatus.exited(7), restarted.load(spec.id()).orElseThrow().exit().get());
        assertEquals(Optional.empty(), restarted.load(ContainerId.random()));
    }

    @Test
    void deleteLeavesNoProcessAndNoState() throws Exception {
        SandboxSpec spec = runner.spec("sh", "-c", "sleep 0.3");
        Sandbox sandbox = runner.create(backend, spec);
        sandbox.start();
        int pid = sandbox.pid();
        assertTrue(pid > 0);
        assertThrows(IllegalTransitionException.class, sandbox::delete, "a running sandbox cannot be deleted");
        KitRunner.await(sandbox);
        sandbox.delete();
        assertFalse(Files.exists(Path.of("/proc", Integer.toString(pid))), "the init is gone");
        assertEquals(List.of(), pathsNaming(spec.id()), "nothing of the sandbox is left in the state folder");
        assertEquals(Optional.empty(), backend.load(spec.id()));
    }

    @Test
    void deletingACreatedSandboxKillsItsParkedInit() throws Exception {
        SandboxSpec spec = runner.spec("true");
        Sandbox sandbox = runner.create(backend, spec);
        assertEquals(SandboxState.CREATED, sandbox.state());
        int pid = sandbox.pid();
        assertTrue(Files.exists(Path.of("/proc", Integer.toString(pid))), "the init is parked");
        sandbox.delete();
        assertFalse(Files.exists(Path.of("/proc", Integer.toString(pid))));
        assertEquals(List.of(), pathsNaming(spec.id()));
    }

    @Test
    void startIsAllowedOnce() throws Exception {
        Sandbox sandbox = runner.create(backend, runner.spec("sleep", "60"));
        sandbox.start();
        assertThrows(IllegalTransitionException.class, sandbox::start);
        sandbox.signal(9, SignalTarget.ALL);
        KitRunner.await(sandbox);
        assertEquals(SandboxState.STOPPED, sandbox.state());
        assertThrows(IllegalTransitionException.class, sandbox::start);
    }

    @Test
    void bindMountsAndReadOnlyRootfs() throws Exception {
        Path data = Files.createDirectories(temp.resolve("data"));
        Files.writeString(data.resolve("file"), "from the host\n");
        SandboxSpec spec = runner.spec(new NetworkAttachment.Private(),
                List.of(new BindMount(data, "/data", true)), true,
                "sh", "-c", "cat /data/file; touch /data/new || echo data-ro; touch /new || echo root-ro");
        KitRunner.Run run = runner.run(backend, spec);
        assertEquals("from the host\ndata-ro\nroot-ro\n", run.stdout());
        assertFalse(Files.exists(data.resolve("new")));
    }

    @Test
    void theHostNetworkIsShared() throws Exception {
        KitRunner.Run run = runner.run(backend, runner.spec(new NetworkAttachment.Host(), List.of(), false,
                "readlink", "/proc/self/ns/net"));
        assertEquals(Files.readSymbolicLink(Path.of("/proc/self/ns/net")) + "\n", run.stdout());
    }

    @Test
    void aJoinedNetworkNamespaceIsShared() throws Exception {
        SandboxSpec holderSpec = runner.spec("sleep", "60");
        Sandbox holder = runner.create(backend, holderSpec);
        Path namespace = Path.of("/proc", Integer.toString(holder.pid()), "ns", "net");
        KitRunner.Run run = runner.run(backend, runner.spec(new NetworkAttachment.Join(namespace), List.of(), false,
                "readlink", "/proc/self/ns/net"));
        assertEquals(Files.readSymbolicLink(namespace) + "\n", run.stdout());
        assertFalse(run.stdout().equals(Files.readSymbolicLink(Path.of("/proc/self/ns/net")) + "\n"));
    }

    @Test
    void theProcessRunsAsTheSpecsUserInItsDirectoryWithItsEnvironment() throws Exception {
        ProcessSpec process = new ProcessSpec(List.of("sh", "-c", "id -u; id -g; id -G; pwd; echo $GREETING"),
                List.of("PATH=/bin", "GREETING=hello world"), "/tmp/work", 65534, 65534, List.of(65534, 10),
                false, false);
        KitRunner.Run run = runner.run(backend, runner.spec(process, new NetworkAttachment.Private(), List.of(), false));
        assertEquals("65534\n65534\n65534 10\n/tmp/work\nhello world\n", run.stdout(), run.stderr());
    }

    @Test
    void anOutOfMemoryKillIsReported() throws Exception {
        SandboxSpec spec = KitRunner.withResources(
                runner.spec("sh", "-c", "x=$(head -c 268435456 /dev/zero | tr '\\0' a); echo survived"),
                new ResourceLimits(16L * 1024 * 1024, 0, 0, 0));
        KitRunner.Run run = runner.run(backend, spec);
        assertEquals(new ExitStatus(137, 9, true), run.status(), run.stderr());
        assertFalse(run.stdout().contains("survived"));
    }
}
