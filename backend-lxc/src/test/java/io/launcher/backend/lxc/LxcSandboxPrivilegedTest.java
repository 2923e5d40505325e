package io.launcher.backend.lxc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.launcher.api.ContainerId;
import io.launcher.api.ExitStatus;
import io.launcher.api.IllegalTransitionException;
import io.launcher.api.ResourceLimits;
import io.launcher.api.SystemCallFailedException;
import io.launcher.spi.Availability;
import io.launcher.spi.Mount;
import io.launcher.spi.conformance.JsonFileLog;
import io.launcher.spi.isolation.BindMount;
import io.launcher.spi.isolation.Capabilities;
import io.launcher.spi.isolation.NetworkAttachment;
import io.launcher.spi.isolation.ProcessSpec;
import io.launcher.spi.isolation.Sandbox;
import io.launcher.spi.isolation.SandboxSpec;
import io.launcher.spi.isolation.SandboxState;
import io.launcher.spi.isolation.SignalTarget;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Containers run for real through lxc-execute, from a busybox root filesystem. */
@Tag("privileged")
class LxcSandboxPrivilegedTest {
    static final String PATH = "PATH=/bin";

    @TempDir
    static Path shared;
    static Path rootfs;

    @TempDir
    Path temp;
    LxcIsolationBackend backend;
    final List<Sandbox> sandboxes = new ArrayList<>();
    @RegisterExtension
    final LxcLockCleanup locks = new LxcLockCleanup();

    @BeforeAll
    static void busybox() throws Exception {
        Availability availability = HostProbe.probe();
        assumeTrue(availability.available(), availability.reason());
        assumeTrue(Files.isExecutable(BusyboxRootfs.BUSYBOX), "needs /bin/busybox (Debian's busybox-static)");
        rootfs = BusyboxRootfs.create(shared.resolve("rootfs"));
    }

    @BeforeEach
    void open() {
        backend = LxcIsolationBackend.open(locks.track(temp.resolve("state")));
    }

    @AfterEach
    void cleanUp() throws Exception {
        for (Sandbox sandbox : sandboxes) {
            if (sandbox.state() == SandboxState.RUNNING) {
                sandbox.signal(9, SignalTarget.ALL);
                sandbox.exit().get(20, TimeUnit.SECONDS);
            }
            sandbox.delete();
        }
    }

    SandboxSpec spec(List<Mount> root, NetworkAttachment network, String... args) {
        ProcessSpec process = new ProcessSpec(List.of(args), List.of(PATH, "GREETING=hello world"), "/", 0, 0,
                List.of(), false, false);
        return new SandboxSpec(ContainerId.random(), root, process, "box", network, ResourceLimits.NONE, List.of(),
                false, temp.resolve("logs").resolve("container.log"), Capabilities.DOCKER_DEFAULT);
    }

    SandboxSpec spec(String... args) {
        return spec(BusyboxRootfs.bind(rootfs), new NetworkAttachment.Private(), args);
    }

    Sandbox create(SandboxSpec spec) {
        Sandbox sandbox = backend.create(spec);
        sandboxes.add(sandbox);
        return sandbox;
    }

    ExitStatus run(SandboxSpec spec) throws Exception {
        Sandbox sandbox = create(spec);
        sandbox.start();
        return sandbox.exit().get(30, TimeUnit.SECONDS);
    }

    @Test
    void writesStdoutAndStderrApartInJsonFileForm() throws Exception {
        SandboxSpec spec = spec("/bin/sh", "-c", "echo hello; echo oops >&2; printf 'tab\\there \"q\" \\\\ end'");
        assertEquals(0, run(spec).code());
        assertEquals("hello\ntab\there \"q\" \\ end", JsonFileLog.text(spec.logFile(), "stdout"));
        assertEquals("oops\n", JsonFileLog.text(spec.logFile(), "stderr"));
    }

    @Test
    void reportsExitCodes() throws Exception {
        assertEquals(ExitStatus.exited(0), run(spec("true")));
        assertEquals(ExitStatus.exited(3), run(spec("/bin/sh", "-c", "exit 3")));
        SandboxSpec missing = spec("no-such-command");
        assertEquals(127, run(missing).code());
        assertEquals("exec: \"no-such-command\": executable file not found in $PATH\n", JsonFileLog.text(missing.logFile(), "stderr"));
        assertEquals(127, run(spec("/bin/no-such-file")).code());
    }

    @Test
    void setsHostnameEnvironmentAndCwd() throws Exception {
        SandboxSpec spec = spec("/bin/sh", "-c", "hostname; echo \"$GREETING\"; pwd");
        assertEquals(0, run(spec).code());
        assertEquals("box\nhello world\n/\n", JsonFileLog.text(spec.logFile(), "stdout"));
    }

    @Test
    void privateNetworkHasOnlyLoopbackAndItIsUp() throws Exception {
        SandboxSpec spec = spec("/bin/sh", "-c", "ls /sys/class/net; cat /sys/class/net/lo/operstate /sys/class/net/lo/flags");
        assertEquals(0, run(spec).code());
        List<String> lines = JsonFileLog.text(spec.logFile(), "stdout").lines().toList();
        assertEquals("lo", lines.get(0));
        assertEquals("0x9", lines.get(2), "lo has IFF_UP|IFF_LOOPBACK");
    }

    @Test
    void hostNetworkSeesTheHostsInterfaces() throws Exception {
        SandboxSpec spec = spec(BusyboxRootfs.bind(rootfs), new NetworkAttachment.Host(), "/bin/ls", "/sys/class/net");
        assertEquals(0, run(spec).code());
        long host;
        try (var entries = Files.list(Path.of("/sys/class/net"))) {
            host = entries.count();
        }
        assertEquals(host, JsonFileLog.text(spec.logFile(), "stdout").lines().count());
    }

    @Test
    void runsInItsOwnPidNamespaceUnderLxcInit() throws Exception {
        SandboxSpec spec = spec("/bin/sh", "-c", "cat /proc/1/cmdline | tr \"\\\\0\" \" \"; echo; ls /proc | grep -c '^[0-9]'");
        assertEquals(0, run(spec).code());
        List<String> lines = JsonFileLog.text(spec.logFile(), "stdout").lines().toList();
        // LXC's init keeps either its own argv or lxc-execute's, depending on how it was exec'ed:
        // what matters is that pid 1 is LXC's and not the user's process.
        assertFalse(lines.get(0).startsWith("/bin/sh"), "LXC's init is pid 1, not the process: " + lines.get(0));
        assertTrue(Integer.parseInt(lines.get(1)) <= 4, "only the container's processes are visible");
    }

    @Test
    void signalsReachTheProcessAndStatesMoveAsTheSpiSays() throws Exception {
        Sandbox sandbox = create(spec("sleep", "600"));
        assertEquals(SandboxState.CREATED, sandbox.state());
        int parked = sandbox.pid();
        assertTrue(parked > 1, "the init is parked");
        assertTrue(JsonFileLog.read(temp.resolve("logs/container.log")).isEmpty(), "nothing ran yet");
        sandbox.start();
        assertEquals(parked, sandbox.pid());
        assertEquals(SandboxState.RUNNING, sandbox.state());
        assertTrue(sandbox.pid() > 1);
        assertThrows(IllegalTransitionException.class, sandbox::start);
        assertThrows(IllegalTransitionException.class, sandbox::delete);
        sandbox.signal(15, SignalTarget.INIT);
        assertEquals(ExitStatus.killed(15, false), sandbox.exit().get(20, TimeUnit.SECONDS));
        assertEquals(SandboxState.STOPPED, sandbox.state());
        assertEquals(0, sandbox.pid());
        assertThrows(IllegalTransitionException.class, () -> sandbox.signal(9, SignalTarget.INIT));
    }

    @Test
    void killReportsSignalNine() throws Exception {
        Sandbox sandbox = create(spec("/bin/sh", "-c", "sleep 600 & sleep 600"));
        sandbox.start();
        sandbox.signal(9, SignalTarget.INIT);
        assertEquals(ExitStatus.killed(9, false), sandbox.exit().get(20, TimeUnit.SECONDS));
    }

    @Test
    void endsWithItsMainProcessAsDockerDoes() throws Exception {
        long begin = System.nanoTime();
        assertEquals(ExitStatus.exited(5), run(spec("/bin/sh", "-c", "sleep 600 & exit 5")));
        assertTrue(System.nanoTime() - begin < 10_000_000_000L, "the orphaned sleep did not keep the container alive");
    }

    @Test
    void stdinWrittenBeforeAndAfterStartReachesTheProcessUntilClosed() throws Exception {
        SandboxSpec base = spec("cat");
        ProcessSpec process = new ProcessSpec(List.of("cat"), base.process().env(), "/", 0, 0, List.of(), false, true);
        SandboxSpec spec = new SandboxSpec(base.id(), base.rootfs(), process, base.hostname(), base.network(), base.resources(),
                List.of(), false, base.logFile(), base.capabilities());
        LxcSandbox sandbox = (LxcSandbox) create(spec);
        var replaced = sandbox.openStdin();
        replaced.write("one\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        var current = sandbox.openStdin();
        replaced.close();
        sandbox.start();
        current.write("two\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        current.close();
        assertEquals(ExitStatus.exited(0), sandbox.exit().get(20, TimeUnit.SECONDS));
        assertEquals("one\ntwo\n", JsonFileLog.text(spec.logFile(), "stdout"));
        LxcSandbox without = (LxcSandbox) create(spec("true"));
        assertThrows(io.launcher.api.FailedPreconditionException.class, without::openStdin);
    }

    @Test
    void execRunsInsideTheRunningContainer() throws Exception {
        LxcSandbox sandbox = (LxcSandbox) create(spec("sleep", "600"));
        assertThrows(IllegalTransitionException.class, () -> sandbox.exec(new ProcessSpec(List.of("true"), List.of(), "/", 0, 0,
                List.of(), false, false)));
        sandbox.start();
        var exec = sandbox.exec(new ProcessSpec(List.of("sh", "-c", "echo $A; id -u; pwd; hostname; echo err >&2"),
                List.of(PATH, "A=b c"), "/tmp", 65534, 65534, List.of(), false, false));
        String out = new String(exec.stdout().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        String err = new String(exec.stderr().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(0, exec.exit().get(20, TimeUnit.SECONDS));
        assertEquals("b c\n65534\n/tmp\nbox\n", out);
        assertEquals("err\n", err);
        var missing = sandbox.exec(new ProcessSpec(List.of("no-such-command"), List.of(PATH), "/", 0, 0, List.of(), false, false));
        assertEquals(127, missing.exit().get(20, TimeUnit.SECONDS));
    }

    @Test
    void aRestartedEngineLoadsARunningContainer() throws Exception {
        Sandbox sandbox = create(spec("sleep", "600"));
        sandbox.start();
        Sandbox loaded = LxcIsolationBackend.open(temp.resolve("state")).load(sandbox.id()).orElseThrow();
        assertEquals(SandboxState.RUNNING, loaded.state());
        assertEquals(sandbox.pid(), loaded.pid());
        loaded.signal(9, SignalTarget.ALL);
        assertEquals(137, loaded.exit().get(20, TimeUnit.SECONDS).code());
        assertEquals(SandboxState.STOPPED, sandbox.state());
        assertTrue(LxcIsolationBackend.open(temp.resolve("state")).load(ContainerId.random()).isEmpty());
    }

    @Test
    void deletingACreatedSandboxTearsItsParkedInitDown() throws Exception {
        Sandbox sandbox = backend.create(spec("true"));
        int parked = sandbox.pid();
        assertTrue(Files.exists(Path.of("/proc", Integer.toString(parked))));
        sandbox.delete();
        assertFalse(Files.exists(Path.of("/proc", Integer.toString(parked))));
        assertTrue(backend.load(sandbox.id()).isEmpty());
    }

    @Test
    void aRestartedEngineStartsAParkedContainer() throws Exception {
        SandboxSpec spec = spec("/bin/sh", "-c", "echo started");
        Sandbox created = create(spec);
        Sandbox loaded = LxcIsolationBackend.open(temp.resolve("state")).load(spec.id()).orElseThrow();
        assertEquals(SandboxState.CREATED, loaded.state());
        assertEquals(created.pid(), loaded.pid());
        loaded.start();
        assertEquals(ExitStatus.exited(0), loaded.exit().get(20, TimeUnit.SECONDS));
        assertEquals("started\n", JsonFileLog.text(spec.logFile(), "stdout"));
    }

    @Test
    void relaysManyLinesInOrder() throws Exception {
        SandboxSpec spec = spec("seq", "20000");
        assertEquals(0, run(spec).code());
        List<String> lines = JsonFileLog.text(spec.logFile(), "stdout").lines().toList();
        assertEquals(20000, lines.size());
        assertEquals("20000", lines.get(19999));
    }

    @Test
    void deleteRemovesTheContainerDirectory() throws Exception {
        Sandbox sandbox = backend.create(spec("true"));
        sandbox.start();
        sandbox.exit().get(20, TimeUnit.SECONDS);
        Path lock = Path.of("/run/lxc/lock", temp.resolve("state/containers").toString(), "." + sandbox.id().value());
        assertTrue(Files.exists(lock), "lxc keeps a lock file per container");
        sandbox.delete();
        assertFalse(Files.exists(temp.resolve("state/containers").resolve(sandbox.id().value())));
        assertFalse(Files.exists(lock), "and delete removes it");
        assertTrue(backend.load(sandbox.id()).isEmpty());
    }

    @Test
    void bindsVolumesReadOnlyWhenAskedAndTheRootReadOnly() throws Exception {
        Path volume = Files.createDirectories(temp.resolve("volume"));
        Files.writeString(volume.resolve("data"), "from the host\n");
        SandboxSpec base = spec("/bin/sh", "-c", "cat /mnt/v/data; touch /mnt/v/x || echo ro-volume; touch /y || echo ro-root");
        SandboxSpec spec = new SandboxSpec(base.id(), base.rootfs(), base.process(), base.hostname(), base.network(),
                base.resources(), List.of(new BindMount(volume, "/mnt/v", true)), true, base.logFile(), base.capabilities());
        assertEquals(0, run(spec).code());
        assertEquals("from the host\nro-volume\nro-root\n", JsonFileLog.text(spec.logFile(), "stdout"));
    }

    @Test
    void aSymlinkInTheImageCannotPointAMountpointAtTheHost() throws Exception {
        Path hostile = BusyboxRootfs.create(temp.resolve("hostile"));
        Path outside = temp.resolve("outside");
        Files.createSymbolicLink(hostile.resolve("evil"), outside);
        Path volume = Files.createDirectories(temp.resolve("volume"));
        SandboxSpec base = spec(BusyboxRootfs.bind(hostile), new NetworkAttachment.Private(), "true");
        SandboxSpec spec = new SandboxSpec(base.id(), base.rootfs(), base.process(), base.hostname(), base.network(),
                base.resources(), List.of(new BindMount(volume, "/evil/data", false)), false, base.logFile(), base.capabilities());
        SystemCallFailedException refused = assertThrows(SystemCallFailedException.class, () -> create(spec));
        assertTrue(refused.getMessage().contains("symbolic link"), "LXC refuses a symlink on a mount path: " + refused.getMessage());
        assertFalse(Files.exists(outside), "nothing was made on the host");
    }

    @Test
    void mountsAnOverlayRootOnlyInsideTheContainer() throws Exception {
        Path upper = Files.createDirectories(temp.resolve("upper"));
        Path work = Files.createDirectories(temp.resolve("work"));
        Mount overlay = new Mount("overlay", "overlay",
                List.of("lowerdir=" + rootfs, "upperdir=" + upper, "workdir=" + work));
        SandboxSpec spec = spec(List.of(overlay), new NetworkAttachment.Private(), "/bin/sh", "-c", "echo written > /tmp/file");
        assertEquals(0, run(spec).code());
        assertEquals("written\n", Files.readString(upper.resolve("tmp/file")));
        assertFalse(Files.exists(rootfs.resolve("tmp/file")));
        assertFalse(Files.readString(Path.of("/proc/self/mountinfo")).contains(temp.toString()),
                "no mount leaked onto the host");
    }

    @Test
    void aRootThatCannotBeMountedFailsTheCreateWithLxcsReason() throws Exception {
        Mount overlay = new Mount("overlay", "overlay", List.of("lowerdir=" + temp.resolve("missing"),
                "upperdir=" + Files.createDirectories(temp.resolve("u")), "workdir=" + Files.createDirectories(temp.resolve("w"))));
        SandboxSpec spec = spec(List.of(overlay), new NetworkAttachment.Private(), "true");
        SystemCallFailedException failure = assertThrows(SystemCallFailedException.class, () -> backend.create(spec));
        assertTrue(failure.getMessage().startsWith("unable to create container " + spec.id() + ": "), failure.getMessage());
        assertTrue(failure.getMessage().contains("mount: "), "the hook's own reason is quoted: " + failure.getMessage());
        assertTrue(backend.load(spec.id()).isEmpty(), "a failed create leaves nothing behind");
        assertTrue(JsonFileLog.read(spec.logFile()).isEmpty(), "lxc's messages stay out of the container's log");
    }

    @Test
    void joinsANetworkNamespaceByPath() throws Exception {
        String name = "lxc-test-" + ProcessHandle.current().pid();
        assertEquals(0, new ProcessBuilder("ip", "netns", "add", name).inheritIO().start().waitFor());
        try {
            assertEquals(0, new ProcessBuilder("ip", "-n", name, "link", "add", "probe0", "type", "veth", "peer", "name", "probe1")
                    .inheritIO().start().waitFor());
            SandboxSpec spec = spec(BusyboxRootfs.bind(rootfs), new NetworkAttachment.Join(Path.of("/run/netns", name)),
                    "/bin/ls", "/sys/class/net");
            assertEquals(0, run(spec).code());
            assertEquals("lo\nprobe0\nprobe1\n", JsonFileLog.text(spec.logFile(), "stdout"));
        } finally {
            new ProcessBuilder("ip", "netns", "del", name).inheritIO().start().waitFor();
        }
    }

    @Test
    void masksKernelFilesAndKeepsKernelPathsReadOnlyAsDockerDoes() throws Exception {
        SandboxSpec spec = spec("/bin/sh", "-c", String.join("; ", "cat /proc/keys /proc/timer_list | wc -c",
                "ls /proc/acpi /sys/firmware 2>/dev/null | grep -v : | grep -c . || true",
                "awk '$5 == \"/proc/irq\" { split($6, o, \",\"); print \"irq-\" o[1] }' /proc/self/mountinfo",
                "(echo x > /proc/sys/kernel/domainname) 2>/dev/null && echo sys-rw || echo sys-ro",
                "grep NoNewPrivs /proc/self/status"));
        assertEquals(0, run(spec).code());
        assertEquals("0\n0\nirq-ro\nsys-ro\nNoNewPrivs:\t1\n", JsonFileLog.text(spec.logFile(), "stdout"));
    }

    @Test
    void appliesCgroupLimits() throws Exception {
        assumeTrue(CgroupVersion.of(Path.of("/sys/fs/cgroup")) == CgroupVersion.V1, "checks v1 files");
        SandboxSpec base = spec("/bin/sh", "-c", "cat /sys/fs/cgroup/memory/memory.limit_in_bytes /sys/fs/cgroup/pids/pids.max");
        SandboxSpec spec = new SandboxSpec(base.id(), base.rootfs(), base.process(), base.hostname(), base.network(),
                new ResourceLimits(64L << 20, 512, 500_000_000L, 50), List.of(), false, base.logFile(), base.capabilities());
        assertEquals(0, run(spec).code());
        assertEquals((64L << 20) + "\n50\n", JsonFileLog.text(spec.logFile(), "stdout"));
    }
}
