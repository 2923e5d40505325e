package io.launcher.backend.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.launcher.spi.isolation.DefaultDeviceRules;
import io.launcher.spi.isolation.DeviceRule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The shim's devices cgroup on cgroup v2 (devfilter.c, a BPF device filter), run through the
 * devfilter-probe built from src/test/c on a cgroup of the host's cgroup2 mount: the kernel runs
 * the filters of the v2 hierarchy whether or not /sys/fs/cgroup itself is v2, so this hybrid host
 * checks the filter a v2 host gets. A child in the cgroup opens /dev/null read-write, /dev/fuse
 * for reading and for writing, /dev/loop-control for reading.
 */
@Tag("privileged")
class DevFilterTest {
    private Path cgroup;

    @BeforeEach
    void makeCgroup() throws IOException {
        assumeTrue("root".equals(System.getProperty("user.name")), "attaching a BPF filter needs root");
        Optional<Path> mount = Files.readAllLines(Path.of("/proc/self/mounts")).stream().map(line -> line.split(" "))
                .filter(f -> f.length > 2 && f[2].equals("cgroup2")).map(f -> Path.of(f[1])).findFirst();
        assumeTrue(mount.isPresent(), "no cgroup2 mount on this host");
        assumeTrue(Files.exists(Path.of("/dev/fuse")) && Files.exists(Path.of("/dev/loop-control")),
                "the probe opens /dev/fuse and /dev/loop-control");
        cgroup = Files.createDirectory(mount.get().resolve("launcher-devfilter-test-" + ProcessHandle.current().pid()));
    }

    @AfterEach
    void removeCgroup() throws IOException {
        if (cgroup != null) {
            // the probe's child has exited: the cgroup is empty, and its filter goes with it
            Files.delete(cgroup);
        }
    }

    @Test
    void dockersRulesAllowOnlyTheHarmlessNodes() throws Exception {
        assertEquals(List.of("/dev/null rw ok", "/dev/fuse r EPERM", "/dev/fuse w EPERM", "/dev/loop-control r EPERM"),
                probe());
    }

    @Test
    void withoutDockersRulesNothingOpens() throws Exception {
        assertEquals(List.of("/dev/null rw EPERM", "/dev/fuse r EPERM", "/dev/fuse w EPERM", "/dev/loop-control r EPERM"),
                run(List.of()), "the shim has no list of its own: the spec brings Docker's");
    }

    @Test
    void aGivenRuleAllowsItsNodeWithItsAccessOnly() throws Exception {
        assertEquals(List.of("/dev/null rw ok", "/dev/fuse r ok", "/dev/fuse w EPERM", "/dev/loop-control r EPERM"),
                probe("c", "10", "229", "r"));
    }

    @Test
    void wildcardsAndTypesMatchAsInV1() throws Exception {
        assertEquals(List.of("/dev/null rw ok", "/dev/fuse r ok", "/dev/fuse w ok", "/dev/loop-control r ok"),
                probe("c", "10", "*", "rw"));
        assertEquals(List.of("/dev/null rw ok", "/dev/fuse r ok", "/dev/fuse w EPERM", "/dev/loop-control r ok"),
                probe("a", "*", "*", "r"));
        assertEquals(List.of("/dev/null rw ok", "/dev/fuse r EPERM", "/dev/fuse w EPERM", "/dev/loop-control r EPERM"),
                probe("b", "10", "229", "rwm"), "a block rule does not match a character device");
    }

    @Test
    void aPrivilegedContainerMayUseEveryDevice() throws Exception {
        assertEquals(List.of("/dev/null rw ok", "/dev/fuse r ok", "/dev/fuse w ok", "/dev/loop-control r ok"),
                probe("privileged"));
    }

    /** The probe with Docker's rules (spi's, as SpecFile writes them) before the given ones. */
    private List<String> probe(String... rules) throws Exception {
        List<String> arguments = new ArrayList<>();
        if (!List.of(rules).equals(List.of("privileged"))) {
            for (DeviceRule rule : DefaultDeviceRules.RULES) {
                arguments.addAll(List.of(String.valueOf(rule.type()), number(rule.major()), number(rule.minor()),
                        rule.access()));
            }
        }
        arguments.addAll(List.of(rules));
        return run(arguments);
    }

    private static String number(long n) {
        return n == DeviceRule.ANY ? "*" : Long.toString(n);
    }

    private List<String> run(List<String> rules) throws Exception {
        Path probe = Path.of(DevFilterTest.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .resolve("devfilter-probe");
        assertTrue(Files.isExecutable(probe), "the build compiles " + probe);
        List<String> command = new ArrayList<>(List.of(probe.toString(), cgroup.toString()));
        command.addAll(rules);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(10, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), out);
        return out.lines().toList();
    }
}
