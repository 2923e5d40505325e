package io.launcher.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.launcher.api.DeviceMapping;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code --device} and {@code --device-cgroup-rule} split and checked as the docker CLI does. */
class DeviceParsingTest {
    private final CliHarness cli = new CliHarness();

    @Test
    void theThreeFormsOfDevice() {
        assertEquals(0, cli.run("create", "--device", "/dev/sdc", "--device=/dev/sdd:r", "--device", "/dev/sde:/dev/xvde",
                "--device", "/dev/sdf:/dev/xvdf:rw", "base"));
        assertEquals(List.of(new DeviceMapping("/dev/sdc", "/dev/sdc", "rwm"), new DeviceMapping("/dev/sdd", "/dev/sdd", "r"),
                new DeviceMapping("/dev/sde", "/dev/xvde", "rwm"), new DeviceMapping("/dev/sdf", "/dev/xvdf", "rw")),
                cli.engine.lastHostConfig.devices());
    }

    @Test
    void badDevicesAreUsageErrors() {
        assertEquals(125, cli.run("run", "--device", "/dev/sdc:/dev/xvdc:rx", "base", "true"));
        assertTrue(cli.err.contains("bad mode specified: rx"), cli.err);
        assertEquals(125, cli.run("run", "--device", "/dev/sdc:xvdc", "base", "true"));
        assertTrue(cli.err.contains("xvdc is not an absolute path"), cli.err);
        assertEquals(125, cli.run("run", "--device", "a:b:c:d", "base", "true"));
        assertTrue(cli.err.contains("bad format for path: a:b:c:d"), cli.err);
        assertTrue(cli.engine.calls.isEmpty(), "nothing reaches the engine: " + cli.engine.calls);
    }

    @Test
    void deviceCgroupRules() {
        assertEquals(0, cli.run("run", "--device-cgroup-rule", "c 10:* rwm", "--device-cgroup-rule=b 8:0 r", "base", "true"));
        assertEquals(List.of("c 10:* rwm", "b 8:0 r"), cli.engine.lastHostConfig.deviceCgroupRules());
        assertEquals(125, cli.run("run", "--device-cgroup-rule", "c 10 rwm", "base", "true"));
        assertTrue(cli.err.contains("invalid device cgroup format 'c 10 rwm'"), cli.err);
    }
}
