package io.launcher.spi.isolation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Pins the rules every backend writes. A change here changes what every container may open, on
 * every backend at once: it must be one Docker made.
 */
class DefaultDeviceRulesTest {

    @Test
    void theRulesAreDockersInTheOrderTheBackendsWriteThem() {
        assertEquals(List.of("c *:* m", "b *:* m", "c 1:3 rwm", "c 1:5 rwm", "c 1:7 rwm", "c 1:8 rwm", "c 1:9 rwm",
                "c 5:0 rwm", "c 5:1 rwm", "c 5:2 rwm", "c 136:* rwm", "c 10:200 rwm"), texts(DefaultDeviceRules.RULES));
    }

    @Test
    void theyAreMobysDefaultSpecAndRuncsAllowedDevicesTogether() {
        // moby's oci.DefaultLinuxSpec allows these over its "deny all" ...
        List<String> moby = List.of("c 1:5 rwm", "c 1:3 rwm", "c 1:9 rwm", "c 1:8 rwm", "c 5:0 rwm", "c 5:1 rwm");
        // ... and runc's specconv.AllowedDevices, appended to every spec, these
        List<String> runc = List.of("c *:* m", "b *:* m", "c 1:3 rwm", "c 1:8 rwm", "c 1:7 rwm", "c 5:0 rwm",
                "c 1:5 rwm", "c 1:9 rwm", "c 5:1 rwm", "c 136:* rwm", "c 5:2 rwm", "c 10:200 rwm");
        Set<String> docker = new HashSet<>(moby);
        docker.addAll(runc);
        List<String> ours = texts(DefaultDeviceRules.RULES);
        assertEquals(docker, Set.copyOf(ours));
        assertEquals(docker.size(), ours.size(), "each rule once");
    }

    @Test
    void aContainersOwnRulesComeAfterDockers() {
        DeviceRule fuse = new DeviceRule('c', 10, 229, "rw");
        List<DeviceRule> rules = DefaultDeviceRules.with(List.of(fuse));
        assertEquals(DefaultDeviceRules.RULES, rules.subList(0, DefaultDeviceRules.RULES.size()));
        assertEquals(fuse, rules.get(rules.size() - 1));
        assertEquals(DefaultDeviceRules.RULES, DefaultDeviceRules.with(List.of()));
    }

    private static List<String> texts(List<DeviceRule> rules) {
        return rules.stream().map(DeviceRule::text).toList();
    }
}
