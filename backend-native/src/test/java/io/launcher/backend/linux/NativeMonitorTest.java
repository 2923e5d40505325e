package io.launcher.backend.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.launcher.api.ContainerId;
import io.launcher.api.InvalidSpecException;
import io.launcher.api.ResourceLimits;
import io.launcher.api.SystemCallFailedException;
import io.launcher.spi.Mount;
import io.launcher.spi.conformance.BusyboxRootfs;
import io.launcher.spi.isolation.Capabilities;
import io.launcher.spi.isolation.NetworkAttachment;
import io.launcher.spi.isolation.ProcessSpec;
import io.launcher.spi.isolation.Sandbox;
import io.launcher.spi.isolation.SandboxSpec;
import io.launcher.spi.isolation.SignalTarget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What is particular to the native backend: the detached monitor, the cgroup, shim errors. */
@Tag("privileged")
class NativeMonitorTest {
    private static final Path CGROUP_V1 = Path.of("/sys/fs/cgroup");

    @TempDir
    Path temp;

    private NativeIsolationBackend backend;
    private BusyboxRootfs rootfs;

    @BeforeEach
    void setUp() throws Exception {
        assumeTrue(HostProbe.privileged(), "the native backend needs root");
        assumeTrue(Files.isExecutable(BusyboxRootfs.BUSYBOX), "needs a static /bin/busybox");
        backend = NativeIsolationBackend.open(temp.resolve("state"));
        rootfs = BusyboxRootfs.create(temp.resolve("rootfs"));
    }

    private SandboxSpec spec(List<Mount> mounts, ResourceLimits limits, String... args) {
        ContainerId id = ContainerId.random();
        return new SandboxSpec(id, mounts, new ProcessSpec(List.of(args), List.of(), "/", 0, 0, List.of(), false, false),
                "native", new NetworkAttachment.Private(), limits, List.of(), false, temp.resolve(id + ".log"),
                Capabilities.DOCKER_DEFAULT);
    }

    private Path bundle(SandboxSpec spec) {
        return temp.resolve("state/containers").resolve(spec.id().value());
    }

    @Test
    void theMonitorIsDetachedAndSmall() throws Exception {
        SandboxSpec spec = spec(rootfs.mounts(), ResourceLimits.NONE, "sleep", "60");
        Sandbox sandbox = backend.create(spec);
        MonitorPids pids = MonitorPids.read(bundle(spec).resolve("pids")).orElseThrow();
        try {
            String[] stat = Files.readString(Path.of("/proc", Integer.toString(pids.monitor()), "stat")).split(" ");
            assertNotEquals(Long.toString(ProcessHandle.current().pid()), stat[3], "not a child of the engine");
            assertEquals(Integer.toString(pids.monitor()), stat[5], "a session of its own");
            // a monitor's own cost is its private memory; its text is the page cache every monitor
            // shares, and how much of it the RSS shows moves by the kernel's 64 kB fault-around as the
            // binary's layout shifts (the bound is on RSS: the shim is linked with unused
            // sections dropped, which keeps it near 950 kB with about 300 kB anonymous)
            long anonKb = statusKb(pids.monitor(), "RssAnon:");
            long rssKb = statusKb(pids.monitor(), "VmRSS:");
            assertTrue(anonKb < 512, "monitor RssAnon " + anonKb + " kB");
            assertTrue(rssKb < 1024, "monitor RSS " + rssKb + " kB");
        } finally {
            // a failed check must not leave a parked container behind
            sandbox.delete();
        }
        assertFalse(running(pids.monitor()), "the monitor is gone");
    }

    private static long statusKb(int pid, String field) throws java.io.IOException {
        return Files.readAllLines(Path.of("/proc", Integer.toString(pid), "status")).stream()
                .filter(l -> l.startsWith(field)).map(l -> l.replaceAll("\\D", "")).mapToLong(Long::parseLong)
                .findFirst().orElseThrow();
    }

    /** A detached monitor is reaped by the host's init, whenever it gets to it: a zombie is not running. */
    private static boolean running(int pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Integer.toString(pid), "stat"));
            return stat.charAt(stat.lastIndexOf(") ") + 2) != 'Z';
        } catch (java.io.IOException e) {
            return false;
        }
    }

    @Test
    void limitsLandInTheContainersCgroupWhichIsRemovedAtTheEnd() throws Exception {
        assumeTrue(Files.isDirectory(CGROUP_V1.resolve("memory")) && Files.isDirectory(CGROUP_V1.resolve("pids")),
                "needs the cgroup v1 memory and pids hierarchies");
        SandboxSpec spec = spec(rootfs.mounts(), new ResourceLimits(64L << 20, 512, 1_500_000_000L, 100), "sleep", "60");
        Sandbox sandbox = backend.create(spec);
        Path memory = CGROUP_V1.resolve("memory/launcher").resolve(spec.id().value());
        Path cpu = CGROUP_V1.resolve("cpu/launcher").resolve(spec.id().value());
        Path pids = CGROUP_V1.resolve("pids/launcher").resolve(spec.id().value());
        assertEquals(Long.toString(64L << 20), Files.readString(memory.resolve("memory.limit_in_bytes")).strip());
        assertEquals("512", Files.readString(cpu.resolve("cpu.shares")).strip());
        assertEquals("150000", Files.readString(cpu.resolve("cpu.cfs_quota_us")).strip());
        assertEquals("100", Files.readString(pids.resolve("pids.max")).strip());
        assertEquals(Integer.toString(sandbox.pid()), Files.readString(pids.resolve("cgroup.procs")).strip());
        sandbox.start();
        sandbox.signal(9, SignalTarget.ALL);
        sandbox.exit().get(30, TimeUnit.SECONDS);
        sandbox.delete();
        assertFalse(Files.exists(memory) || Files.exists(cpu) || Files.exists(pids), "cgroups removed");
    }

    /** A sandbox's deletion follows these words: the bundle goes once the init is reaped, the cgroups by "done". */
    @Test
    void theMonitorSaysWhenTheInitIsReapedAndWhenTheCgroupsAreRemoved() throws Exception {
        assumeTrue(Files.isDirectory(CGROUP_V1.resolve("pids")), "needs the cgroup v1 pids hierarchy");
        SandboxSpec spec = spec(rootfs.mounts(), ResourceLimits.NONE, "sleep", "60");
        Sandbox sandbox = backend.create(spec);
        Path cgroup = CGROUP_V1.resolve("pids/launcher").resolve(spec.id().value());
        Path init = Path.of("/proc", Integer.toString(sandbox.pid()));
        try (MonitorConnection watch = MonitorConnection.open(bundle(spec).resolve("monitor.sock")).orElseThrow()) {
            sandbox.start();
            sandbox.signal(9, SignalTarget.ALL);
            assertEquals("exit 137 9 0", watch.readLine());
            assertEquals("reaped", watch.readLine());
            assertFalse(Files.exists(init), "the init is reaped");
            assertEquals("done", watch.readLine());
            assertFalse(Files.exists(cgroup), "the cgroup is removed");
            assertThrows(IOException.class, watch::readLine, "the monitor closes the connection");
        } finally {
            sandbox.exit().get(30, TimeUnit.SECONDS);
            sandbox.delete();
        }
        assertEquals(137, sandbox.exit().get().code());
    }

    @Test
    void aFailedMountIsASystemCallFailureAndLeavesNoBundle() {
        SandboxSpec spec = spec(List.of(new Mount("overlay", "overlay", List.of("lowerdir=" + temp.resolve("missing")))),
                ResourceLimits.NONE, "true");
        SystemCallFailedException e = assertThrows(SystemCallFailedException.class, () -> backend.create(spec));
        assertEquals("mount overlay at", e.operation());
        assertTrue(e.object().endsWith("/rootfs"), e.object());
        assertTrue(e.getMessage().matches("unable to mount overlay at /.*/rootfs: E[A-Z]+"), e.getMessage());
        assertFalse(Files.exists(bundle(spec)));
    }

    @Test
    void anUnsupportedMountTypeIsRefusedBeforeAnySystemCall() {
        SandboxSpec spec = spec(List.of(new Mount("aufs", "none", List.of())), ResourceLimits.NONE, "true");
        assertThrows(InvalidSpecException.class, () -> backend.create(spec));
        assertFalse(Files.exists(bundle(spec)));
    }
}
