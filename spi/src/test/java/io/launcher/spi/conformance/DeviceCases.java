package io.launcher.spi.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.launcher.spi.isolation.DeviceNode;
import io.launcher.spi.isolation.DeviceRule;
import io.launcher.spi.isolation.SandboxSpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Docker's {@code --device} as a backend gives it: the engine sends each node as read from the
 * host ({@link SandboxSpec#devices()}) and an allow rule with its permissions
 * ({@link SandboxSpec#deviceRules()}); the node appears at its path with the host's numbers, mode
 * and owner, and the devices cgroup lets the container use it as the rule says, and nothing more.
 * The cgroup cases need the v1 devices controller; /dev/fuse is the node they open (opening it
 * without mounting does nothing), skipped where the host has none.
 */
abstract class DeviceCases extends PrivilegedCases {
    private static final String FUSE = "/dev/fuse";

    static SandboxSpec withDevices(SandboxSpec spec, List<DeviceNode> devices, List<DeviceRule> rules) {
        return new SandboxSpec(spec.id(), spec.rootfs(), spec.process(), spec.hostname(), spec.network(),
                spec.resources(), spec.binds(), spec.readonlyRootfs(), spec.logFile(), spec.capabilities(), spec.seccomp(),
                spec.log(), spec.seccompFilter(), spec.privileged(), spec.noNewPrivileges(), devices, rules);
    }

    /** The host's node as the engine reads it for {@code --device host:path}. */
    static DeviceNode hostNode(String host, String path) throws Exception {
        Map<String, Object> st = Files.readAttributes(Path.of(host), "unix:mode,rdev,uid,gid");
        int mode = (Integer) st.get("mode");
        long rdev = (Long) st.get("rdev");
        return new DeviceNode(path, (mode & 0170000) == 0060000 ? 'b' : 'c', ((rdev >>> 8) & 0xfff) | ((rdev >>> 32) & ~0xfffL),
                (rdev & 0xff) | ((rdev >>> 12) & ~0xffL), mode, (Integer) st.get("uid"), (Integer) st.get("gid"), Path.of(host));
    }

    @Test
    void aGivenDeviceIsMadeAtItsPathWithTheHostsNumbersModeAndOwner() throws Exception {
        DeviceNode nested = hostNode("/dev/null", "/dev/kit/null");
        DeviceNode full = hostNode("/dev/full", "/dev/kit-full");
        String script = "stat -c '%n %t:%T %F %a %u:%g' /dev/kit/null /dev/kit-full; echo hi > /dev/kit/null && echo write=ok;"
                + " head -c 4 /dev/kit-full | od -An -tx1 | tr -d ' ' | sed 's/^/read=/'";
        SandboxSpec spec = withDevices(runner.spec("sh", "-c", script), List.of(nested, full),
                List.of(nested.rule("rwm"), full.rule("rwm")));
        KitRunner.Run run = runner.run(backend, spec);
        assertEquals(List.of(hostStat("/dev/null", "/dev/kit/null"), hostStat("/dev/full", "/dev/kit-full"), "write=ok",
                "read=00000000"), run.stdout().lines().toList(), run.stderr());
    }

    /** Docker takes any container path: outside /dev the node goes into the root, read-only or not. */
    @Test
    void aGivenDeviceOutsideDevIsMadeInAReadOnlyRoot() throws Exception {
        DeviceNode node = hostNode("/dev/null", "/opt/kit/null");
        SandboxSpec spec = withDevices(runner.spec(new io.launcher.spi.isolation.NetworkAttachment.Private(), List.of(), true,
                "sh", "-c", "stat -c '%t:%T %F' /opt/kit/null; echo hi > /opt/kit/null && echo write=ok; touch /opt/x"),
                List.of(node), List.of(node.rule("rw")));
        KitRunner.Run run = runner.run(backend, spec);
        assertEquals(List.of("1:3 character special file", "write=ok"), run.stdout().lines().toList(), run.stderr());
        assertTrue(run.stderr().contains("Read-only file system"), "the root stays read-only: " + run.stderr());
    }

    /**
     * runc makes the node with mknod; a bind of the host's node would look the same to stat but
     * is a mount: it shows in mountinfo and cannot be removed (EBUSY). Both paths, in /dev and in
     * the root, are checked, since a backend may make them at different points.
     */
    @Test
    void aGivenDeviceIsANodeOfItsOwnNotAMountOfTheHosts() throws Exception {
        DeviceNode inDev = hostNode("/dev/null", "/dev/kit-own");
        DeviceNode inRoot = hostNode("/dev/null", "/opt/kit/own");
        String script = "for n in /dev/kit-own /opt/kit/own; do echo \"$n mounts=$(grep -c \" $n \" /proc/self/mountinfo)\";"
                + " rm \"$n\" && mknod \"$n\" c 1 3 && echo hi > \"$n\" && echo \"$n remade\"; done";
        SandboxSpec spec = withDevices(runner.spec("sh", "-c", script), List.of(inDev, inRoot),
                List.of(inDev.rule("rwm")));
        KitRunner.Run run = runner.run(backend, spec);
        assertEquals(List.of("/dev/kit-own mounts=0", "/dev/kit-own remade", "/opt/kit/own mounts=0", "/opt/kit/own remade"),
                run.stdout().lines().toList(), run.stderr());
    }

    /** {@code --device /dev/full:/dev/zero}: the given node wins over the harmless one a container always has. */
    @Test
    void aGivenDeviceReplacesADefaultNode() throws Exception {
        DeviceNode full = hostNode("/dev/full", "/dev/zero");
        SandboxSpec spec = withDevices(runner.spec("sh", "-c", "echo x > /dev/zero || echo write=refused"),
                List.of(full), List.of(full.rule("rwm")));
        KitRunner.Run run = runner.run(backend, spec);
        assertEquals("write=refused\n", run.stdout(), run.stderr());
        assertTrue(run.stderr().contains("No space left on device"), run.stderr());
    }

    @Test
    void aDeviceGivenReadOnlyOpensForReadingAndAnotherNotAtAll() throws Exception {
        assumeDevicesCgroup();
        DeviceNode fuse = hostNode(FUSE, "/dev/kit-fuse");
        String script = "(exec 3</dev/kit-fuse) && echo read=ok; (exec 3>/dev/kit-fuse) 2>&1 || echo write=denied;"
                + " mknod /dev/kit-loop c 10 237; (exec 3</dev/kit-loop) 2>/dev/null || echo other=denied";
        SandboxSpec spec = withDevices(runner.spec("sh", "-c", script), List.of(fuse), List.of(fuse.rule("r")));
        List<String> lines = runner.run(backend, spec).stdout().lines().toList();
        assertEquals(List.of("read=ok", "write=denied", "other=denied"),
                lines.stream().filter(line -> line.contains("=")).toList(), String.join("\n", lines));
        assertTrue(lines.stream().anyMatch(line -> line.contains("Operation not permitted")),
                "the devices cgroup refuses the write (EPERM): " + lines);
    }

    @Test
    void aDeviceGivenWithEveryPermissionOpensForReadingAndWriting() throws Exception {
        assumeDevicesCgroup();
        DeviceNode fuse = hostNode(FUSE, "/dev/kit-fuse");
        SandboxSpec spec = withDevices(runner.spec("sh", "-c", "(exec 3<>/dev/kit-fuse) && echo open=ok"),
                List.of(fuse), List.of(fuse.rule("rwm")));
        assertEquals("open=ok\n", runner.run(backend, spec).stdout());
    }

    /** An exec is in the container's devices cgroup too: the given permissions hold for it. */
    @Test
    void anExecHasTheContainersDevicePermissions() throws Exception {
        assumeDevicesCgroup();
        DeviceNode fuse = hostNode(FUSE, "/dev/kit-fuse");
        io.launcher.spi.isolation.Sandbox sandbox = runner.create(backend,
                withDevices(runner.spec("sleep", "60"), List.of(fuse), List.of(fuse.rule("r"))));
        sandbox.start();
        KitRunner.Exec exec = KitRunner.exec(sandbox, "sh", "-c",
                "(exec 3</dev/kit-fuse) && echo read=ok; (exec 3>/dev/kit-fuse) 2>/dev/null || echo write=denied");
        assertEquals("read=ok\nwrite=denied\n", exec.stdout(), exec.stderr());
    }

    /** moby: a privileged container has the host's nodes already; a mapping that moves one adds it, and no rule. */
    @Test
    void aPrivilegedContainerGetsAMovedNodeToo() throws Exception {
        DeviceNode moved = hostNode("/dev/null", "/dev/kit-moved");
        SandboxSpec spec = withDevices(privileged(runner.spec("sh", "-c",
                "stat -c '%t:%T %F' /dev/kit-moved; echo hi > /dev/kit-moved && echo write=ok")), List.of(moved), List.of());
        KitRunner.Run run = runner.run(backend, spec);
        assertEquals(List.of("1:3 character special file", "write=ok"), run.stdout().lines().toList(), run.stderr());
    }

    /** {@code --device-cgroup-rule} alone: a node the container makes itself may then be used. */
    @Test
    void aDeviceRuleAloneLetsANodeMadeInsideOpen() throws Exception {
        assumeDevicesCgroup();
        DeviceNode fuse = hostNode(FUSE, "/dev/kit-fuse");
        String script = "mknod /dev/kit-fuse c " + fuse.major() + " " + fuse.minor()
                + " && (exec 3<>/dev/kit-fuse) && echo open=ok";
        SandboxSpec spec = withDevices(runner.spec("sh", "-c", script), List.of(),
                List.of(new DeviceRule('c', fuse.major(), DeviceRule.ANY, "rw")));
        assertEquals("open=ok\n", runner.run(backend, spec).stdout());
    }

    private static void assumeDevicesCgroup() {
        Assumptions.assumeTrue(Files.exists(Path.of("/sys/fs/cgroup/devices/devices.list")),
                "no cgroup v1 devices controller on this host");
        Assumptions.assumeTrue(Files.exists(Path.of(FUSE)), "no " + FUSE + " on this host");
    }

    /** {@code stat} of the host's node, named as in the container. */
    private static String hostStat(String host, String name) throws Exception {
        Process stat = new ProcessBuilder("stat", "-c", "%t:%T %F %a %u:%g", host).start();
        String out = new String(stat.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        stat.waitFor();
        return name + " " + out;
    }
}
