package io.launcher.backend.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shim's cgroup v2 limit writes (cgroup.c), run through the cgroup-v2-probe built from
 * src/test/c against a temp folder shaped like a cgroup2 leaf: the knob files exist, as the
 * kernel makes them when the controllers are enabled in the parent. The host these tests run on
 * is hybrid with no v2 controllers, so this is where the v2 path is checked.
 */
class CgroupV2LimitsTest {
    private static final List<String> KNOBS = List.of("memory.max", "memory.swap.max", "pids.max", "cpu.weight", "cpu.max");

    @TempDir
    Path leaf;

    @BeforeEach
    void shapeLikeCgroup2() throws IOException {
        for (String knob : KNOBS) {
            Files.createFile(leaf.resolve(knob));
        }
        Files.createFile(leaf.resolve("cgroup.procs"));
    }

    @Test
    void memoryIsTheLimitAndSwapAsMuchAgain() throws Exception {
        assertEquals(0, probe(536870912, 0, 0, 0).code());
        assertEquals("536870912", read("memory.max"));
        // v2's memory.swap.max is swap alone: Docker's -m alone means as much swap as memory
        assertEquals("536870912", read("memory.swap.max"));
        assertEquals("", read("pids.max") + read("cpu.weight") + read("cpu.max"), "only what the spec asks is written");
    }

    @Test
    void cpusBecomeQuotaAndPeriodInCpuMax() throws Exception {
        assertEquals(0, probe(0, 0, 1_500_000_000L, 0).code());
        assertEquals("150000 100000", read("cpu.max"));
        assertEquals(0, probe(0, 0, 250_000_000L, 0).code());
        assertEquals("25000 100000", read("cpu.max"));
    }

    @Test
    void sharesBecomeWeightByRuncsConversion() throws Exception {
        assertEquals(0, probe(0, 1024, 0, 0).code());
        assertEquals("39", read("cpu.weight"), "Docker's default 1024 shares");
        assertEquals(0, probe(0, 2, 0, 0).code());
        assertEquals("1", read("cpu.weight"), "the bottom of the shares range is the bottom of the weights");
        assertEquals(0, probe(0, 262144, 0, 0).code());
        assertEquals("10000", read("cpu.weight"), "the top of the shares range is the top of the weights");
    }

    @Test
    void pidsLimitIsPidsMax() throws Exception {
        assertEquals(0, probe(0, 0, 0, 100).code());
        assertEquals("100", read("pids.max"));
    }

    @Test
    void aMissingKnobOfARequestedLimitIsARuncStyleError() throws Exception {
        Files.delete(leaf.resolve("pids.max"));
        Result result = probe(0, 0, 0, 100);
        assertEquals(1, result.code());
        assertEquals("unable to open " + leaf.resolve("pids.max") + ": ENOENT", result.stderr().strip());
    }

    @Test
    void noSwapAccountingIsNotAnError() throws Exception {
        Files.delete(leaf.resolve("memory.swap.max"));
        assertEquals(0, probe(1048576, 0, 0, 0).code());
        assertEquals("1048576", read("memory.max"));
    }

    private String read(String knob) throws IOException {
        return Files.readString(leaf.resolve(knob), StandardCharsets.US_ASCII);
    }

    private record Result(int code, String stderr) { }

    /** Empties the knobs that exist (the kernel's files take a whole write each), then runs the probe. */
    private Result probe(long memory, long shares, long nanoCpus, long pids) throws Exception {
        for (String knob : KNOBS) {
            if (Files.exists(leaf.resolve(knob))) {
                Files.writeString(leaf.resolve(knob), "");
            }
        }
        Path probe = probeBinary();
        assertTrue(Files.isExecutable(probe), "the build compiles " + probe);
        Process process = new ProcessBuilder(probe.toString(), leaf.toString(), Long.toString(memory),
                Long.toString(shares), Long.toString(nanoCpus), Long.toString(pids)).start();
        String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(10, TimeUnit.SECONDS));
        return new Result(process.exitValue(), stderr);
    }

    private static Path probeBinary() throws URISyntaxException {
        Path classes = Path.of(CgroupV2LimitsTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        return classes.resolve("cgroup-v2-probe");
    }
}
