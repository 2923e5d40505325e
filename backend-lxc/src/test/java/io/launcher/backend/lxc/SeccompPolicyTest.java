package io.launcher.backend.lxc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.launcher.api.ContainerId;
import io.launcher.api.ResourceLimits;
import io.launcher.backend.lxc.config.Capability;
import io.launcher.backend.lxc.config.LxcConfig;
import io.launcher.backend.lxc.config.LxcEntry;
import io.launcher.spi.Mount;
import io.launcher.spi.isolation.Capabilities;
import io.launcher.spi.isolation.NetworkAttachment;
import io.launcher.spi.isolation.ProcessSpec;
import io.launcher.spi.isolation.SandboxSpec;
import io.launcher.spi.isolation.SeccompProfile;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** LXC's rendering of Docker's default seccomp profile, and where the config points at it. */
class SeccompPolicyTest {
    @TempDir
    Path temp;

    @Test
    void theProfileIsAVersion2DenyListWithDockersErrnos() {
        List<String> lines = SeccompPolicy.render(Capability.dockerDefaults()).lines().toList();
        assertEquals(List.of("2", "denylist", "[all]"), lines.subList(0, 3));
        for (String call : List.of("keyctl", "add_key", "kexec_load", "init_module", "mount", "umount2", "unshare",
                "setns", "bpf", "perf_event_open", "userfaultfd", "swapon", "reboot", "open_by_handle_at")) {
            assertTrue(lines.contains(call + " errno 1"), call + " is denied");
        }
        assertTrue(lines.contains("clone3 errno 38"), "clone3 says ENOSYS so libc falls back to clone");
        assertTrue(lines.contains("clone errno 1 [0,268435456,SCMP_CMP_MASKED_EQ,268435456]"), "CLONE_NEWUSER");
        assertFalse(lines.contains("chroot errno 1"), "Docker's default capabilities include SYS_CHROOT");
    }

    @Test
    void capabilitiesLiftTheirRulesAsInDockersProfile() {
        Set<Capability> kept = EnumSet.copyOf(Capability.dockerDefaults());
        kept.add(Capability.SYS_ADMIN);
        kept.add(Capability.SYS_TIME);
        List<String> lines = SeccompPolicy.render(kept).lines().toList();
        for (String lifted : List.of("mount errno 1", "unshare errno 1", "setns errno 1", "clone3 errno 38",
                "settimeofday errno 1", "clock_settime errno 1")) {
            assertFalse(lines.contains(lifted), lifted);
        }
        assertTrue(lines.stream().noneMatch(line -> line.startsWith("clone ")), "namespace flags allowed with SYS_ADMIN");
        assertTrue(lines.contains("keyctl errno 1") && lines.contains("swapon errno 1"), "never lifted");
    }

    @Test
    void theConfigNamesTheProfileUnlessUnconfined() {
        ContainerDir dir = new ContainerDir(temp.resolve("containers/x"));
        LxcConfig confined = SpecTranslator.translate(spec(SeccompProfile.DEFAULT), dir, CgroupVersion.V1);
        assertEquals(List.of(new LxcEntry.SeccompProfile(dir.seccomp())), confined.all(LxcEntry.SeccompProfile.class));
        assertEquals(confined, LxcConfig.parse(confined.render()), "what is written reads back");
        LxcConfig unconfined = SpecTranslator.translate(spec(SeccompProfile.UNCONFINED), dir, CgroupVersion.V1);
        assertTrue(unconfined.all(LxcEntry.SeccompProfile.class).isEmpty());
    }

    private SandboxSpec spec(SeccompProfile seccomp) {
        ProcessSpec process = new ProcessSpec(List.of("true"), List.of("PATH=/bin"), "/", 0, 0, List.of(), false, false);
        return new SandboxSpec(ContainerId.random(), List.of(new Mount("bind", temp.toString(), List.of("rbind"))), process,
                "box", new NetworkAttachment.Private(), ResourceLimits.NONE, List.of(), false, temp.resolve("log.json"),
                Capabilities.DOCKER_DEFAULT, seccomp);
    }
}
