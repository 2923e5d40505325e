package io.launcher.backend.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.launcher.api.ContainerId;
import io.launcher.api.InvalidSpecException;
import io.launcher.api.LogConfig;
import io.launcher.api.ResourceLimits;
import io.launcher.backend.linux.seccomp.Bpf;
import io.launcher.backend.linux.seccomp.SeccompCompiler;
import io.launcher.spi.Mount;
import io.launcher.spi.isolation.BindMount;
import io.launcher.spi.isolation.Capabilities;
import io.launcher.spi.isolation.DefaultSeccompFilter;
import io.launcher.spi.isolation.DeviceNode;
import io.launcher.spi.isolation.DeviceRule;
import io.launcher.spi.isolation.NetworkAttachment;
import io.launcher.spi.isolation.ProcessSpec;
import io.launcher.spi.isolation.SandboxSpec;
import io.launcher.spi.isolation.SeccompFilter;
import io.launcher.spi.isolation.SeccompProfile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SpecFileTest {
    /** What the shim wrote itself before spi's DefaultDeviceRules: the same lines, the same order. */
    private static final String DOCKER_RULES = String.join("\n", "devicerule c * * m", "devicerule b * * m",
            "devicerule c 1 3 rwm", "devicerule c 1 5 rwm", "devicerule c 1 7 rwm", "devicerule c 1 8 rwm",
            "devicerule c 1 9 rwm", "devicerule c 5 0 rwm", "devicerule c 5 1 rwm", "devicerule c 5 2 rwm",
            "devicerule c 136 * rwm", "devicerule c 10 200 rwm");

    private static String escaped(String field) {
        return new String(SpecFile.escape(field), StandardCharsets.UTF_8);
    }

    @Test
    void fieldsEscapeBackslashesControlBytesAndSpaces() {
        assertEquals("a\\x20b", escaped("a b"));
        assertEquals("line\\x0anext", escaped("line\nnext"));
        assertEquals("back\\\\slash", escaped("back\\slash"));
        assertEquals("\\e", escaped(""));
        assertEquals("caf\u00e9", escaped("caf\u00e9"));
        assertEquals("\\x7f\\x01", escaped("\u007f\u0001"));
    }

    @Test
    void aNulByteCannotTravel() {
        assertThrows(InvalidSpecException.class, () -> SpecFile.escape("a\0b"));
    }

    @Test
    void rendersOneRecordPerLine() {
        ContainerId id = ContainerId.random();
        SandboxSpec spec = new SandboxSpec(id,
                List.of(new Mount("overlay", "overlay", List.of("lowerdir=/l", "upperdir=/u", "workdir=/w"))),
                new ProcessSpec(List.of("sh", "-c", "echo hi"), List.of("A="), "/", 1000, 100, List.of(10, 11), false, false),
                "web", new NetworkAttachment.Join(Path.of("/run/netns/x")), new ResourceLimits(0, 512, 0, 50),
                List.of(new BindMount(Path.of("/srv"), "/data", true)), true, Path.of("/logs/c.log"),
                Set.of("CAP_KILL", "CAP_CHOWN"), SeccompProfile.UNCONFINED, new LogConfig(LogConfig.JSON_FILE, 10L << 20, 4));
        String text = new String(SpecFile.render(spec), StandardCharsets.UTF_8);
        String expected = String.join("\n", "version 1", "id " + id, "hostname web", "log /logs/c.log", "logrotate 10485760 4",
                "arg sh", "arg -c", "arg echo\\x20hi", "env A=", "cwd /", "user 1000 100", "group 10", "group 11",
                "terminal 0", "stdin 0",
                "mount overlay overlay", "mountopt lowerdir=/l", "mountopt upperdir=/u", "mountopt workdir=/w",
                "bind /srv /data ro", "network join /run/netns/x", "readonly 1", "memory 0", "cpushares 512",
                "nanocpus 0", "pids 50", "cap CAP_CHOWN", "cap CAP_KILL", "seccomp unconfined", DOCKER_RULES, "");
        assertEquals(expected, text);
        assertTrue(text.lines().allMatch(line -> line.chars().noneMatch(c -> c < 0x20)));
    }

    @Test
    void aPrivilegedSpecSaysSoAndMayClearNoNewPrivileges() {
        SandboxSpec plain = new SandboxSpec(ContainerId.random(), List.of(new Mount("bind", "/r", List.of())),
                new ProcessSpec(List.of("true"), List.of(), "/", 0, 0, List.of(), false, false), "h",
                new NetworkAttachment.Private(), ResourceLimits.NONE, List.of(), false, Path.of("/l"), Set.of());
        String unprivileged = new String(SpecFile.render(plain), StandardCharsets.UTF_8);
        assertTrue(unprivileged.lines().noneMatch(line -> line.startsWith("privileged") || line.startsWith("nonewprivs")),
                unprivileged);
        SandboxSpec privileged = new SandboxSpec(plain.id(), plain.rootfs(), plain.process(), "h", plain.network(),
                plain.resources(), List.of(), false, plain.logFile(), plain.capabilities(), SeccompProfile.UNCONFINED,
                LogConfig.DEFAULT, null, true, false);
        List<String> lines = new String(SpecFile.render(privileged), StandardCharsets.UTF_8).lines().toList();
        assertTrue(lines.containsAll(List.of("privileged 1", "nonewprivs 0")), lines.toString());
    }

    @Test
    void givenDevicesTravelAsNodesInOctalAndRulesWithWildcards() {
        SandboxSpec plain = new SandboxSpec(ContainerId.random(), List.of(new Mount("bind", "/r", List.of())),
                new ProcessSpec(List.of("true"), List.of(), "/", 0, 0, List.of(), false, false), "h",
                new NetworkAttachment.Private(), ResourceLimits.NONE, List.of(), false, Path.of("/l"), Set.of());
        DeviceNode node = new DeviceNode("/dev/my disk", 'b', 8, 32, 0660, 0, 6, Path.of("/dev/sdc"));
        SandboxSpec spec = new SandboxSpec(plain.id(), plain.rootfs(), plain.process(), "h", plain.network(),
                plain.resources(), List.of(), false, plain.logFile(), plain.capabilities(), SeccompProfile.DEFAULT,
                LogConfig.DEFAULT, null, false, true, List.of(node), List.of(node.rule("r"),
                        new DeviceRule('c', 10, DeviceRule.ANY, "rwm"), new DeviceRule('a', DeviceRule.ANY, DeviceRule.ANY, "m")));
        List<String> lines = new String(SpecFile.render(spec), StandardCharsets.UTF_8).lines().toList();
        List<String> expected = new ArrayList<>(List.of("device /dev/my\\x20disk b 8 32 660 0 6"));
        expected.addAll(DOCKER_RULES.lines().toList());
        expected.addAll(List.of("devicerule b 8 32 r", "devicerule c 10 * rwm", "devicerule a * * m"));
        assertEquals(expected, lines.stream().filter(line -> line.startsWith("device")).toList(),
                "Docker's rules, then the given ones");
    }

    /**
     * The engine builds every spec anew at each start, from the container's record, and a record
     * holds only what was asked (--device, --device-cgroup-rule): a container created by a launcher
     * whose shim kept Docker's rules itself gets them here, as any other.
     */
    @Test
    void aSpecWithoutRulesOfItsOwnGetsDockersAndAPrivilegedOneNone() {
        SandboxSpec plain = new SandboxSpec(ContainerId.random(), List.of(new Mount("bind", "/r", List.of())),
                new ProcessSpec(List.of("true"), List.of(), "/", 0, 0, List.of(), false, false), "h",
                new NetworkAttachment.Private(), ResourceLimits.NONE, List.of(), false, Path.of("/l"), Set.of());
        assertEquals(DOCKER_RULES.lines().toList(), deviceLines(plain));
        SandboxSpec privileged = new SandboxSpec(plain.id(), plain.rootfs(), plain.process(), "h", plain.network(),
                plain.resources(), List.of(), false, plain.logFile(), plain.capabilities(), SeccompProfile.UNCONFINED,
                LogConfig.DEFAULT, null, true, true);
        assertEquals(List.of(), deviceLines(privileged), "the shim allows a privileged container every device");
    }

    private static List<String> deviceLines(SandboxSpec spec) {
        return new String(SpecFile.render(spec), StandardCharsets.UTF_8).lines()
                .filter(line -> line.startsWith("device")).toList();
    }

    @Test
    void aPrivilegedExecSaysSo() {
        ProcessSpec exec = new ProcessSpec(List.of("sh"), List.of(), "/", 0, 0, List.of(), false, false, true);
        assertEquals("version 1\narg sh\ncwd /\nuser 0 0\nterminal 0\nstdin 0\nprivileged 1\n",
                new String(SpecFile.renderProcess(exec), StandardCharsets.UTF_8));
    }

    @Test
    void aCustomProfileTravelsAsItsCompiledProgram() {
        SeccompFilter filter = new SeccompFilter(SeccompFilter.Action.ALLOW, List.of(),
                List.of(new SeccompFilter.Rule(List.of("chmod"), SeccompFilter.Action.errno(1), List.of())));
        SandboxSpec spec = new SandboxSpec(ContainerId.random(), List.of(new Mount("overlay", "overlay", List.of())),
                new ProcessSpec(List.of("true"), List.of(), "/", 0, 0, List.of(), false, false), "h",
                new NetworkAttachment.Private(), ResourceLimits.NONE, List.of(), false, Path.of("/logs/c.log"), Set.of(),
                SeccompProfile.CUSTOM, LogConfig.DEFAULT, filter);
        String record = new String(SpecFile.render(spec), StandardCharsets.UTF_8).lines()
                .filter(line -> line.startsWith("seccomp ")).findFirst().orElseThrow();
        assertEquals("seccomp program " + Bpf.encode(SeccompCompiler.compile(filter)), record);
        assertTrue(record.matches("seccomp program ([0-9a-f]{16})+"), record);
    }

    /** Docker's default profile travels compiled too: the shim has no filter of its own. */
    @Test
    void theDefaultProfileTravelsAsItsProgramForTheCapabilities() {
        SandboxSpec spec = new SandboxSpec(ContainerId.random(), List.of(new Mount("overlay", "overlay", List.of())),
                new ProcessSpec(List.of("true"), List.of(), "/", 0, 0, List.of(), false, false), "h",
                new NetworkAttachment.Private(), ResourceLimits.NONE, List.of(), false, Path.of("/logs/c.log"),
                Capabilities.DOCKER_DEFAULT, SeccompProfile.DEFAULT);
        String record = new String(SpecFile.render(spec), StandardCharsets.UTF_8).lines()
                .filter(line -> line.startsWith("seccomp ")).findFirst().orElseThrow();
        assertEquals("seccomp program "
                + Bpf.encode(SeccompCompiler.compile(DefaultSeccompFilter.forCapabilities(Capabilities.DOCKER_DEFAULT))), record);
    }
}
