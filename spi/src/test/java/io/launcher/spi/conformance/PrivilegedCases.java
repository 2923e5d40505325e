package io.launcher.spi.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.launcher.api.LogConfig;
import io.launcher.spi.isolation.Capabilities;
import io.launcher.spi.isolation.ExecProcess;
import io.launcher.spi.isolation.ProcessSpec;
import io.launcher.spi.isolation.Sandbox;
import io.launcher.spi.isolation.SandboxSpec;
import io.launcher.spi.isolation.SeccompProfile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Docker's {@code --privileged} as a backend gives it: the spec the engine makes (every
 * capability, no filter, {@link SandboxSpec#privileged()}, no no_new_privs) and
 * {@code exec --privileged} ({@link ProcessSpec#privileged()}); and the unprivileged contrast.
 */
abstract class PrivilegedCases extends SeccompProfileCases {
    /** Host devices a privileged container must see when the host has them (Docker makes them all). */
    private static final List<String> HOST_DEVICES = List.of("/dev/loop-control", "/dev/kmsg", "/dev/fuse");
    /** A node as stat shows it: name, numbers, type, mode, owner. */
    private static final String NODE_FORMAT = "%n %t:%T %F %a %u:%g";
    private static final String PROBES = String.join("; ",
            "grep -E '^(Cap(Inh|Prm|Eff|Bnd)|NoNewPrivs|Seccomp):' /proc/self/status",
            "mkdir -p /mnt/kit; mount -t tmpfs kit /mnt/kit && echo mount=ok || echo mount=denied",
            "grep -q ' /sys sysfs rw' /proc/mounts && echo sys=rw || echo sys=ro",
            // Docker's masked and read-only /proc paths (not a runtime's own, such as LXC's boot_id)
            "grep -cE ' /proc/(" + String.join("|", "kcore", "keys", "timer_list", "sched_debug", "acpi", "scsi",
                    "interrupts", "latency_stats", "bus", "fs", "irq", "sys", "sysrq-trigger") + ") ' /proc/mounts"
                    + " | sed 's/^/proc-masks=/'");

    /** Docker's privileged spec over a kit spec: what the engine sends for {@code --privileged}. */
    static SandboxSpec privileged(SandboxSpec spec) {
        return new SandboxSpec(spec.id(), spec.rootfs(), spec.process(), spec.hostname(), spec.network(),
                spec.resources(), spec.binds(), spec.readonlyRootfs(), spec.logFile(), Set.copyOf(Capabilities.ALL),
                SeccompProfile.UNCONFINED, LogConfig.DEFAULT, null, true, false);
    }

    /**
     * Every capability the project knows that this test (run by the engine's user) holds, as
     * /proc shows a set: where the engine itself runs with fewer, a privileged container gets
     * what it has.
     */
    static String fullMask() throws IOException {
        long held = Files.readAllLines(Path.of("/proc/self/status")).stream().filter(line -> line.startsWith("CapBnd:"))
                .mapToLong(line -> Long.parseUnsignedLong(line.substring("CapBnd:".length()).strip(), 16)).findFirst()
                .orElse(-1L);
        return String.format("%016x", held & ((1L << Capabilities.ALL.size()) - 1));
    }

    @Test
    void aPrivilegedContainerHasEveryCapabilityNoFilterAndMountsAtWill() throws Exception {
        KitRunner.Run run = runner.run(backend, privileged(runner.spec("sh", "-c", PROBES)));
        String full = fullMask();
        List<String> lines = run.stdout().lines().toList();
        assertTrue(lines.containsAll(List.of("CapPrm:\t" + full, "CapEff:\t" + full, "CapBnd:\t" + full,
                "NoNewPrivs:\t0", "Seccomp:\t0", "mount=ok", "sys=rw", "proc-masks=0")), run.stdout() + run.stderr());
        // Docker leaves the inheritable set empty, privileged or not (moby's SetCapabilities, CVE-2022-24769)
        assertTrue(lines.contains("CapInh:\t0000000000000000"), run.stdout());
    }

    @Test
    void anUnprivilegedContainerCannot() throws Exception {
        KitRunner.Run run = runner.run(backend, runner.spec("sh", "-c", PROBES + "; ls /dev"));
        List<String> lines = run.stdout().lines().toList();
        assertTrue(lines.containsAll(List.of("CapEff:\t00000000a80425fb", "NoNewPrivs:\t1", "Seccomp:\t2",
                "mount=denied", "sys=ro")), run.stdout() + run.stderr());
        assertFalse(lines.contains("proc-masks=0"), "Docker's masked /proc paths: " + run.stdout());
        for (String device : HOST_DEVICES) {
            assertFalse(lines.contains(Path.of(device).getFileName().toString()), device + " shows: " + run.stdout());
        }
    }

    /** The host's device nodes, with their numbers, and still a devpts of the container's own for terminals. */
    @Test
    void aPrivilegedContainerSeesTheHostsDevicesAndKeepsItsOwnPtys() throws Exception {
        List<String> present = new ArrayList<>();
        for (String device : HOST_DEVICES) {
            if (Files.exists(Path.of(device))) {
                present.add(device);
            }
        }
        StringBuilder script = new StringBuilder();
        for (String device : present) {
            script.append("stat -c '%n %t:%T %F' ").append(device).append("; ");
        }
        script.append("tty");
        SandboxSpec spec = privileged(runner.spec(KitRunner.process(true, false, "sh", "-c", script.toString())));
        KitRunner.Run run = runner.run(backend, spec);
        for (String device : present) {
            String expected = hostStat(device);
            assertTrue(run.stdout().contains(expected), "expected " + expected + " in " + run.stdout());
        }
        assertTrue(run.stdout().contains("/dev/pts/"), "a terminal of the container's devpts: " + run.stdout());
    }

    /**
     * Each host node is made again in the container's /dev, as runc makes it (mknod with the
     * host's numbers, mode and owner), not bound from the host's /dev: a bind would share the
     * host's inode, show in the container's mount table, and could not be removed (EBUSY).
     */
    @Test
    void aPrivilegedContainersHostDevicesAreNodesOfItsOwnNotMountsOfTheHosts() throws Exception {
        List<String> present = new ArrayList<>();
        for (String device : List.of("/dev/kmsg", "/dev/loop-control", "/dev/net/tun", "/dev/cpu/0/cpuid")) {
            if (Files.exists(Path.of(device))) {
                present.add(device);
            }
        }
        org.junit.jupiter.api.Assumptions.assumeFalse(present.isEmpty(), "none of the probed device nodes on this host");
        StringBuilder script = new StringBuilder();
        for (String device : present) {
            script.append("stat -c '").append(NODE_FORMAT).append("' ").append(device)
                    .append("; echo \"").append(device).append(" mounts=$(grep -c ' ").append(device)
                    .append(" ' /proc/self/mountinfo)\"; ");
        }
        script.append("rm ").append(present.get(0)).append(" && echo removed");
        KitRunner.Run run = runner.run(backend, privileged(runner.spec("sh", "-c", script.toString())));
        List<String> expected = new ArrayList<>();
        for (String device : present) {
            expected.add(hostStat(device, NODE_FORMAT));
            expected.add(device + " mounts=0");
        }
        expected.add("removed");
        assertEquals(expected, run.stdout().lines().toList(), run.stderr());
    }

    /**
     * Which of the host's names a privileged container gets, by backend-native's rules
     * (hostdev.c): a hidden name at the top of /dev counts (only .lxc and .udev are skipped), one
     * below it does not, and a folder comes whether it holds a node or not (the host's /dev/disk
     * holds only links). Read from a tree this case makes in the host's /dev under fresh names,
     * null devices in it, and removes after.
     */
    @Test
    void aPrivilegedContainerGetsTheHostsHiddenNamesAtTheTopOnlyAndItsFoldersWithoutNodes() throws Exception {
        String name = "kit-" + UUID.randomUUID().toString().substring(0, 8);
        List<Path> tops = List.of(Path.of("/dev", name), Path.of("/dev", "." + name), Path.of("/dev", "." + name + "-node"));
        try {
            for (Path top : tops.subList(0, 2)) {
                Files.createDirectories(top.resolve("empty"));
                Files.createDirectories(top.resolve(".folder"));
                Files.createDirectories(top.resolve("links"));
                Files.createSymbolicLink(top.resolve("links/null"), Path.of("../node"));
                hostNull(top.resolve("node"));
                hostNull(top.resolve(".hidden"));
                hostNull(top.resolve(".folder/node"));
            }
            hostNull(tops.get(2));
            StringBuilder roots = new StringBuilder();
            tops.forEach(top -> roots.append(' ').append(top));
            String script = "for p in $(find" + roots + " 2>/dev/null); do if [ -L $p ]; then echo \"link $p\";"
                    + " elif [ -d $p ]; then echo \"folder $p\"; elif [ -c $p ]; then echo \"node $p\"; fi; done";
            KitRunner.Run run = runner.run(backend, privileged(runner.spec("sh", "-c", script)));
            List<String> expected = new ArrayList<>();
            for (Path top : tops.subList(0, 2)) {
                expected.addAll(List.of("folder " + top, "folder " + top + "/empty", "folder " + top + "/links",
                        "node " + top + "/node"));
            }
            expected.add("node " + tops.get(2));
            assertEquals(expected.stream().sorted().toList(), run.stdout().lines().sorted().toList(), run.stderr());
        } finally {
            for (Path top : tops) {
                removeTree(top);
            }
        }
    }

    /** A null device (1:3) at {@code path} in the host's /dev: harmless for any container that copies it meanwhile. */
    private static void hostNull(Path path) throws Exception {
        Process mknod = new ProcessBuilder("mknod", "-m", "0666", path.toString(), "c", "1", "3").redirectErrorStream(true)
                .start();
        String out = new String(mknod.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, mknod.waitFor(), out);
    }

    private static void removeTree(Path top) throws IOException {
        if (!Files.exists(top, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(top)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    /**
     * The devices cgroup, not the absence of a node, is what keeps a container from the host's
     * devices: CAP_MKNOD lets any container make one (Docker allows that), only a privileged one
     * may open it. Checked on cgroup v1 (the devices controller); where it is missing the case
     * is skipped.
     */
    @Test
    void onlyAPrivilegedContainerMayOpenANodeItMade() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(Path.of("/sys/fs/cgroup/devices/devices.list")),
                "no cgroup v1 devices controller on this host");
        String script = "mknod /dev/kit-loop c 10 237 && echo mknod=ok; (exec 3</dev/kit-loop) 2>/dev/null"
                + " && echo open=ok || echo open=denied";
        assertEquals(List.of("mknod=ok", "open=denied"), runner.run(backend, runner.spec("sh", "-c", script)).stdout()
                .lines().toList());
        assertEquals(List.of("mknod=ok", "open=ok"), runner.run(backend, privileged(runner.spec("sh", "-c", script)))
                .stdout().lines().toList());
    }

    @Test
    void aPrivilegedExecHasEveryCapabilityUnderTheContainersFilter() throws Exception {
        Sandbox sandbox = runner.create(backend, runner.spec("sleep", "60"));
        sandbox.start();
        ProcessSpec probe = new ProcessSpec(List.of("sh", "-c", PROBES), KitRunner.ENV, "/", 0, 0, List.of(), false, false,
                true);
        ExecProcess exec = sandbox.exec(probe);
        String out = new String(exec.stdout().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, exec.exit().get(30, TimeUnit.SECONDS));
        String full = fullMask();
        List<String> lines = out.lines().toList();
        // as Docker's exec: the capabilities, not the container's seccomp filter or no_new_privs
        assertTrue(lines.containsAll(List.of("CapEff:\t" + full, "CapBnd:\t" + full, "Seccomp:\t2", "NoNewPrivs:\t1")), out);
        assertTrue(KitRunner.exec(sandbox, "grep", "CapEff", "/proc/self/status").stdout().contains("00000000a80425fb"),
                "an exec without --privileged keeps the container's set");
    }

    @Test
    void deletingAPrivilegedSandboxLeavesNoMountOrState() throws Exception {
        SandboxSpec spec = privileged(runner.spec("sh", "-c", "mount -t tmpfs kit /mnt 2>/dev/null; ls /dev > /dev/null"));
        Sandbox sandbox = runner.create(backend, spec);
        sandbox.start();
        assertEquals(0, KitRunner.await(sandbox).code());
        sandbox.delete();
        assertFalse(Files.readString(Path.of("/proc/self/mountinfo")).contains(spec.id().value()),
                "a mount of the sandbox is left on the host");
        assertEquals(List.of(), pathsNaming(spec.id()));
    }

    private static String hostStat(String device) throws Exception {
        return hostStat(device, "%n %t:%T %F");
    }

    private static String hostStat(String device, String format) throws Exception {
        Process stat = new ProcessBuilder("stat", "-c", format, device).start();
        String out = new String(stat.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        stat.waitFor();
        return out;
    }
}
