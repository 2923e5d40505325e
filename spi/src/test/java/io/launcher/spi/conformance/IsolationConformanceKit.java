package io.launcher.spi.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.launcher.api.ExitStatus;
import io.launcher.api.LauncherException;
import io.launcher.api.LogConfig;
import io.launcher.api.UnavailableException;
import io.launcher.spi.isolation.BindMount;
import io.launcher.spi.isolation.Capabilities;
import io.launcher.spi.isolation.ExecProcess;
import io.launcher.spi.isolation.NetworkAttachment;
import io.launcher.spi.isolation.Sandbox;
import io.launcher.spi.isolation.SandboxSpec;
import io.launcher.spi.isolation.SandboxState;
import io.launcher.spi.isolation.SeccompProfile;
import io.launcher.spi.isolation.SignalTarget;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * What every isolation backend must do, asserted from inside its containers with busybox
 * (containerd's SnapshotterSuite is the model). A plugin extends this class and says how to
 * make its backend on a state folder; the kit builds its own rootfs from /bin/busybox.
 * The cases of {@link ProcessCases}, {@link SeccompProfileCases}, {@link PrivilegedCases} and
 * {@link DeviceCases} and {@link CgroupFsCases} run too; here: stdin, terminals, exec and security.
 */
@Tag("privileged")
public abstract class IsolationConformanceKit extends CgroupFsCases {
    private static final String DOCKER_BOUNDING_MASK = "00000000a80425fb";
    /** Added to an x86_64 call number, makes it x32's. */
    private static final int X32_SYSCALL_BIT = 0x40000000;
    /** busybox probes of the seccomp cases, one "name=exit code" line each. */
    private static final String SECCOMP_PROBES = String.join("; ",
            "unshare -U true; echo userns=$?", "unshare -m true; echo mntns=$?",
            "mkdir -p /mnt/kit; mount -t tmpfs kit /mnt/kit; echo mount=$?",
            "touch /kit-swap; swapon /kit-swap 2>&1 | grep -q 'not permitted'; echo swapon-denied=$?");

    @Test
    void stdinReachesTheProcessAndItsEndEndsCat() throws Exception {
        SandboxSpec spec = runner.spec(KitRunner.process(false, true, "cat"));
        Sandbox sandbox = runner.create(backend, spec);
        try (OutputStream stdin = sandbox.openStdin()) {
            sandbox.start();
            stdin.write("hello\nworld\n".getBytes(StandardCharsets.UTF_8));
        }
        assertEquals(ExitStatus.exited(0), KitRunner.await(sandbox));
        assertEquals("hello\nworld\n", JsonFileLog.text(spec.logFile(), "stdout"));
    }

    @Test
    void aTerminalIsTheControllingTtyAndTakesItsSize() throws Exception {
        SandboxSpec spec = runner.spec(KitRunner.process(true, true, "sh", "-c", "tty; read go; stty size"));
        Sandbox sandbox = runner.create(backend, spec);
        sandbox.start();
        KitRunner.awaitOutput(spec.logFile(), "/dev/pts/0");
        sandbox.resize(30, 100);
        try (OutputStream stdin = sandbox.openStdin()) {
            stdin.write("go\n".getBytes(StandardCharsets.UTF_8));
        }
        assertEquals(ExitStatus.exited(0), KitRunner.await(sandbox));
        String out = JsonFileLog.text(spec.logFile(), "stdout");
        assertTrue(out.startsWith("/dev/pts/0\r\n"), out);
        assertTrue(out.contains("30 100\r\n"), out);
        assertEquals("", JsonFileLog.text(spec.logFile(), "stderr"), "a terminal has one stream");
    }

    @Test
    void theEndOfInputOnATerminalIsEndOfFile() throws Exception {
        SandboxSpec spec = runner.spec(KitRunner.process(true, true, "cat"));
        Sandbox sandbox = runner.create(backend, spec);
        sandbox.start();
        try (OutputStream stdin = sandbox.openStdin()) {
            stdin.write("typed\n".getBytes(StandardCharsets.UTF_8));
        }
        assertEquals(ExitStatus.exited(0), KitRunner.await(sandbox));
        assertTrue(JsonFileLog.text(spec.logFile(), "stdout").contains("typed"));
    }

    @Test
    void execJoinsTheRunningContainer() throws Exception {
        Sandbox sandbox = runner.create(backend, runner.spec("sh", "-c", "echo up > /tmp/state; exec sleep 60"));
        sandbox.start();
        assertEquals(KitRunner.HOSTNAME + "\n", KitRunner.exec(sandbox, "hostname").stdout());
        int pid = Integer.parseInt(KitRunner.exec(sandbox, "sh", "-c", "echo $$").stdout().strip());
        assertTrue(pid < 20, "the exec is in the container's pid namespace: " + pid);
        KitRunner.Exec state = KitRunner.exec(sandbox, "sh", "-c", "while [ ! -e /tmp/state ]; do sleep 0.02; done; cat /tmp/state");
        assertEquals("up\n", state.stdout(), "the container's mounts: " + state.stderr());
        KitRunner.Exec cgroups = KitRunner.exec(sandbox, "sh", "-c", "cat /proc/self/cgroup; echo --; cat /proc/1/cgroup");
        String[] halves = cgroups.stdout().split("--\n");
        assertEquals(halves[1], halves[0], "the exec shares the init's cgroups");
        assertEquals(0, KitRunner.exec(sandbox, "true").code());
        assertEquals(3, KitRunner.exec(sandbox, "sh", "-c", "exit 3").code());
        KitRunner.Exec missing = KitRunner.exec(sandbox, "no-such-command");
        assertEquals(127, missing.code());
        assertTrue(missing.stderr().contains("no-such-command"), missing.stderr());
    }

    @Test
    void noDescriptorOfTheEngineLeaksIntoAnExec() throws Exception {
        Sandbox sandbox = runner.create(backend, runner.spec("sleep", "60"));
        sandbox.start();
        Set<String> plain = Set.copyOf(KitRunner.exec(sandbox, "ls", "/proc/self/fd").stdout().lines().toList());
        assertTrue(Set.of("0", "1", "2", "3").containsAll(plain), "only stdio (and ls's own folder): " + plain);
        ExecProcess terminal = sandbox.exec(KitRunner.process(true, true, "ls", "-1", "/proc/self/fd"));
        terminal.stdin().close();
        Set<String> open = Set.copyOf(new String(terminal.stdout().readAllBytes(), StandardCharsets.UTF_8)
                .replace("\r", "").lines().filter(line -> !line.isEmpty()).toList());
        assertEquals(0, terminal.exit().get(30, TimeUnit.SECONDS));
        assertTrue(Set.of("0", "1", "2", "3").containsAll(open), "only the terminal (and ls's own folder): " + open);
    }

    @Test
    void execWithStdinAndATerminal() throws Exception {
        Sandbox sandbox = runner.create(backend, runner.spec("sleep", "60"));
        sandbox.start();
        ExecProcess cat = sandbox.exec(KitRunner.process(false, true, "cat"));
        try (OutputStream stdin = cat.stdin()) {
            stdin.write("piped\n".getBytes(StandardCharsets.UTF_8));
        }
        assertEquals("piped\n", new String(cat.stdout().readAllBytes(), StandardCharsets.UTF_8));
        assertEquals(0, cat.exit().get(30, TimeUnit.SECONDS));

        ExecProcess shell = sandbox.exec(KitRunner.process(true, true, "sh", "-c", "tty; read go; stty size"));
        shell.resize(24, 90);
        try (OutputStream stdin = shell.stdin()) {
            stdin.write("go\n".getBytes(StandardCharsets.UTF_8));
            stdin.flush();
            String out = new String(shell.stdout().readAllBytes(), StandardCharsets.UTF_8);
            // the terminal echoes "go" whenever it arrives, possibly before tty prints
            assertTrue(out.lines().anyMatch(line -> line.startsWith("/dev/pts/")), out);
            assertTrue(out.contains("24 90"), out);
        }
        assertEquals(0, shell.exit().get(30, TimeUnit.SECONDS));
    }

    @Test
    void onlyDockersDefaultCapabilitiesAreKept() throws Exception {
        KitRunner.Run run = runner.run(backend, runner.spec("grep", "Cap", "/proc/self/status"));
        assertTrue(run.stdout().contains("CapBnd:\t" + DOCKER_BOUNDING_MASK), run.stdout());
        assertTrue(run.stdout().contains("CapEff:\t" + DOCKER_BOUNDING_MASK), run.stdout());
        assertTrue(run.stdout().contains("CapInh:\t0000000000000000"), run.stdout());

        Set<String> added = new HashSet<>(Capabilities.DOCKER_DEFAULT);
        added.add("CAP_NET_ADMIN");
        added.remove("CAP_MKNOD");
        SandboxSpec spec = KitRunner.withCapabilities(runner.spec("sleep", "60"), added);
        Sandbox sandbox = runner.create(backend, spec);
        sandbox.start();
        String mask = "00000000a00435fb";
        assertTrue(KitRunner.exec(sandbox, "grep", "Cap", "/proc/self/status").stdout().contains("CapBnd:\t" + mask));
        assertTrue(KitRunner.exec(sandbox, "grep", "Cap", "/proc/1/status").stdout().contains("CapBnd:\t" + mask),
                "the init keeps no more than its processes");
    }

    @Test
    void noNewPrivilegesForTheProcessAndExecs() throws Exception {
        assertEquals("NoNewPrivs:\t1\n", runner.run(backend, runner.spec("grep", "NoNewPrivs", "/proc/self/status")).stdout());
        Sandbox sandbox = runner.create(backend, runner.spec("sleep", "60"));
        sandbox.start();
        assertEquals("NoNewPrivs:\t1\n", KitRunner.exec(sandbox, "grep", "NoNewPrivs", "/proc/self/status").stdout());
    }

    @Test
    void theDefaultSeccompFilterCoversTheProcessAndExecs() throws Exception {
        assertEquals("Seccomp:\t2\n", runner.run(backend, runner.spec("grep", "Seccomp:", "/proc/self/status")).stdout());
        Sandbox sandbox = runner.create(backend, runner.spec("sleep", "60"));
        sandbox.start();
        assertEquals("Seccomp:\t2\n", KitRunner.exec(sandbox, "grep", "Seccomp:", "/proc/self/status").stdout());
        KitRunner.Exec userns = KitRunner.exec(sandbox, "unshare", "-U", "true");
        assertEquals(1, userns.code(), "an exec may not create a user namespace: " + userns.stderr());
    }

    /**
     * A user namespace is what the kernel itself allows root with Docker's default capabilities:
     * only the filter refuses it, with EPERM. swapon of a file that is no swap area fails with
     * EINVAL from the kernel, EPERM from the filter, whatever the capabilities.
     */
    @Test
    void theDefaultSeccompFilterDeniesNamespacesMountsAndPersonalities() throws Exception {
        KitRunner.Run run = runner.run(backend, runner.spec("sh", "-c", SECCOMP_PROBES));
        assertEquals(List.of("userns=1", "mntns=1", "mount=1", "swapon-denied=0"),
                run.stdout().lines().toList(), run.stderr());
        assertTrue(run.stderr().contains("unshare(0x10000000): Operation not permitted"), run.stderr());
    }

    /**
     * The default filter is an allow list, as Docker's: kcmp, which Docker allows only with
     * CAP_SYS_PTRACE, fails with EPERM where the kernel answers ESRCH (there is no process 0),
     * and 400, a number x86_64 has never assigned, with EPERM where the kernel answers ENOSYS. A
     * deny list lets both through. Unconfined, the kernel's own answers show the probe works.
     */
    @Test
    void theDefaultSeccompFilterAllowsOnlyWhatDockersProfileAllows() throws Exception {
        Assumptions.assumeTrue(SyscallProbe.SUPPORTED, "the system call probe is x86_64 code");
        String probes = String.join("; ", SyscallProbe.PATH + " 312; echo kcmp=$?",
                SyscallProbe.PATH + " 400; echo unassigned=$?", SyscallProbe.PATH + " 39; echo getpid=$?");
        KitRunner.Run confined = runner.run(backend, runner.spec("sh", "-c", probes));
        assertEquals(List.of("kcmp=1", "unassigned=1", "getpid=0"), confined.stdout().lines().toList(), confined.stderr());
        Set<String> ptrace = new HashSet<>(Capabilities.DOCKER_DEFAULT);
        ptrace.add("CAP_SYS_PTRACE");
        KitRunner.Run lifted = runner.run(backend, KitRunner.withCapabilities(runner.spec("sh", "-c", probes), ptrace));
        assertEquals(List.of("kcmp=3", "unassigned=1", "getpid=0"), lifted.stdout().lines().toList(), lifted.stderr());
        KitRunner.Run unconfined = runner.run(backend,
                KitRunner.withSeccomp(runner.spec("sh", "-c", probes), SeccompProfile.UNCONFINED));
        assertEquals(List.of("kcmp=3", "unassigned=38", "getpid=0"), unconfined.stdout().lines().toList(),
                unconfined.stderr());
    }

    /**
     * Docker's archMap: on x86_64 the profile covers the i386 ABI ({@code int 0x80} from a 64-bit
     * process, and a real 32-bit binary) and x32, with their own numbers. i386 getpid works; i386
     * kcmp (349), which the profile names only with CAP_SYS_PTRACE, fails with EPERM where the
     * kernel answers ESRCH, and 387, a number i386 has never assigned, with EPERM where the kernel
     * says ENOSYS. x32's getpid is allowed: this kernel answers it (or ENOSYS without its x32
     * ABI), not the filter's EPERM; x32's kcmp is refused.
     */
    @Test
    void theDefaultSeccompFilterCoversTheI386AndX32Abis() throws Exception {
        Assumptions.assumeTrue(SyscallProbe.SUPPORTED, "the system call probe is x86_64 code");
        String probes = String.join("; ", SyscallProbe.PATH_INT80 + " 20; echo getpid=$?",
                SyscallProbe.PATH_INT80 + " 349; echo kcmp=$?", SyscallProbe.PATH_INT80 + " 387; echo unassigned=$?",
                SyscallProbe.PATH + " " + (X32_SYSCALL_BIT + 39) + "; echo x32-getpid=$?",
                SyscallProbe.PATH + " " + (X32_SYSCALL_BIT + 312) + "; echo x32-kcmp=$?",
                I386Probe.PATH + " 20; echo binary-getpid=$?", I386Probe.PATH + " 349; echo binary-kcmp=$?");
        KitRunner.Run unconfined = runner.run(backend,
                KitRunner.withSeccomp(runner.spec("sh", "-c", probes), SeccompProfile.UNCONFINED));
        List<String> kernel = unconfined.stdout().lines().toList();
        assertEquals(List.of("getpid=0", "kcmp=3", "unassigned=38"), kernel.subList(0, 3), unconfined.stderr());
        assertEquals(List.of("binary-getpid=0", "binary-kcmp=3"), kernel.subList(5, 7), unconfined.stderr());
        assertTrue(List.of("x32-getpid=0", "x32-getpid=38").contains(kernel.get(3)), kernel.get(3));
        KitRunner.Run confined = runner.run(backend, runner.spec("sh", "-c", probes));
        assertEquals(List.of("getpid=0", "kcmp=1", "unassigned=1", kernel.get(3), "x32-kcmp=1", "binary-getpid=0",
                "binary-kcmp=1"), confined.stdout().lines().toList(), confined.stderr());
    }

    @Test
    void capSysAdminLiftsTheMountAndNamespaceRulesAsDockerDoes() throws Exception {
        Set<String> admin = new HashSet<>(Capabilities.DOCKER_DEFAULT);
        admin.add("CAP_SYS_ADMIN");
        SandboxSpec spec = KitRunner.withCapabilities(runner.spec("sh", "-c", SECCOMP_PROBES), admin);
        KitRunner.Run run = runner.run(backend, spec);
        assertEquals(List.of("userns=0", "mntns=0", "mount=0", "swapon-denied=0"), run.stdout().lines().toList(),
                run.stderr());
    }

    @Test
    void unconfinedRunsWithoutAFilter() throws Exception {
        SandboxSpec spec = KitRunner.withSeccomp(runner.spec("sh", "-c", "grep Seccomp: /proc/self/status; " + SECCOMP_PROBES),
                SeccompProfile.UNCONFINED);
        KitRunner.Run run = runner.run(backend, spec);
        assertEquals("Seccomp:\t0", run.stdout().lines().findFirst().orElse(""), run.stdout() + run.stderr());
        assertTrue(run.stdout().contains("userns=0"), run.stdout() + run.stderr());
        Sandbox sandbox = runner.create(backend, KitRunner.withSeccomp(runner.spec("sleep", "60"), SeccompProfile.UNCONFINED));
        sandbox.start();
        assertEquals("Seccomp:\t0\n", KitRunner.exec(sandbox, "grep", "Seccomp:", "/proc/self/status").stdout());
    }

    @Test
    void theInitShowsNoHostPathOrEngineEnvironment() throws Exception {
        KitRunner.Run run = runner.run(backend, runner.spec("sh", "-c",
                "cat /proc/1/comm; tr '\\0' ' ' < /proc/1/cmdline; echo; tr '\\0' '\\n' < /proc/1/environ"));
        List<String> lines = run.stdout().lines().toList();
        assertTrue(lines.get(0).length() <= 15 && !lines.get(0).isBlank(), "a short name for ps: " + lines.get(0));
        assertFalse(run.stdout().contains(temp.toString()), "a host path shows inside: " + run.stdout());
        assertFalse(run.stdout().contains("JAVA_HOME") || run.stdout().contains("MAVEN"), "the engine's environment shows inside");
    }

    @Test
    void kernelFilesAreMaskedOrReadOnlyAsDockerDoes() throws Exception {
        KitRunner.Run run = runner.run(backend, runner.spec("sh", "-c", String.join("; ",
                "cat /proc/kcore 2>/dev/null | wc -c", "cat /proc/keys /proc/timer_list | wc -c",
                "(echo x > /proc/sys/kernel/domainname) 2>/dev/null && echo sys-rw || echo sys-ro",
                "(echo h > /proc/sysrq-trigger) 2>/dev/null && echo sysrq-rw || echo sysrq-ro",
                "ls /proc/irq /sys/firmware | grep -v : | grep -c . || true")));
        assertEquals(List.of("0", "0", "sys-ro", "sysrq-ro"), run.stdout().lines().limit(4).map(String::strip).toList(),
                run.stdout() + run.stderr());
    }

    @Test
    void aRegularFileIsBoundOnAMountPointMadeForIt() throws Exception {
        Path hosts = Files.writeString(temp.resolve("hosts"), "127.0.0.1 kit\n");
        SandboxSpec spec = runner.spec(new NetworkAttachment.Private(), List.of(new BindMount(hosts, "/etc/hosts", true)),
                false, "sh", "-c", "cat /etc/hosts; (echo x >> /etc/hosts) 2>/dev/null || echo ro");
        KitRunner.Run run = runner.run(backend, spec);
        assertEquals("127.0.0.1 kit\nro\n", run.stdout(), run.stderr());
    }

    @Test
    void aSymlinkInTheImageCannotLeadAMountPointOut() throws Exception {
        Path hosts = Files.writeString(temp.resolve("hosts"), "127.0.0.1 kit\n");
        Path outside = Files.createDirectories(temp.resolve("outside"));
        Files.createSymbolicLink(rootfs.dir().resolve("escape"), outside);
        SandboxSpec spec = runner.spec(new NetworkAttachment.Private(),
                List.of(new BindMount(hosts, "/escape/planted", false)), false, "cat", "/escape/planted");
        try {
            runner.run(backend, spec);
        } catch (LauncherException refused) {
            // refusing the mount is as safe as resolving the symlink inside the root
        }
        try (var left = Files.list(outside)) {
            assertEquals(0, left.count(), "a mount point was created outside the rootfs");
        }
    }

    /** Docker's json-file rotation: .1 is the newest rotated file; nothing is lost but what fell off the end. */
    @Test
    void theLogIsRotatedPastItsMaxSizeKeepingMaxFiles() throws Exception {
        SandboxSpec spec = KitRunner.withLog(runner.spec("seq", "1000"), new LogConfig(LogConfig.JSON_FILE, 4096, 3));
        assertEquals(ExitStatus.exited(0), runner.run(backend, spec).status());
        Path live = spec.logFile();
        Path oldest = live.resolveSibling(live.getFileName() + ".2");
        assertTrue(Files.exists(oldest), "no second rotated file");
        assertFalse(Files.exists(live.resolveSibling(live.getFileName() + ".3")), "more than max-file files kept");
        StringBuilder text = new StringBuilder();
        for (Path file : List.of(oldest, live.resolveSibling(live.getFileName() + ".1"), live)) {
            assertTrue(Files.size(file) <= 4096, file + " is " + Files.size(file) + " bytes, past max-size");
            text.append(JsonFileLog.text(file, "stdout"));
        }
        String[] lines = text.toString().split("\n");
        assertEquals("1000", lines[lines.length - 1]);
        for (int i = 1; i < lines.length; i++) {
            assertEquals(Integer.parseInt(lines[i - 1]) + 1, Integer.parseInt(lines[i]), "lines out of order or lost");
        }
    }

    @Test
    void pauseFreezesTheProcessesAndAKillWaitsForTheResume() throws Exception {
        SandboxSpec spec = runner.spec("sh", "-c", "i=0; while true; do i=$((i+1)); echo tick$i; sleep 0.05; done");
        Sandbox sandbox = runner.create(backend, spec);
        sandbox.start();
        KitRunner.awaitOutput(spec.logFile(), "tick2");
        try {
            sandbox.pause();
        } catch (UnavailableException e) {
            Assumptions.abort("this backend cannot pause: " + e.getMessage());
        }
        assertEquals(SandboxState.PAUSED, sandbox.state());
        long frozen = JsonFileLog.text(spec.logFile(), "stdout").lines().count();
        Thread.sleep(300);
        assertEquals(frozen, JsonFileLog.text(spec.logFile(), "stdout").lines().count(), "a paused container ran on");
        sandbox.resume();
        assertEquals(SandboxState.RUNNING, sandbox.state());
        KitRunner.awaitOutput(spec.logFile(), "tick" + (frozen + 2));
        sandbox.pause();
        sandbox.signal(9, SignalTarget.ALL);
        sandbox.resume();
        assertEquals(ExitStatus.killed(9, false), KitRunner.await(sandbox));
    }
}
