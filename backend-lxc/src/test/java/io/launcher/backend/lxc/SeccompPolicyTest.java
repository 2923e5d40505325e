package io.launcher.backend.lxc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.launcher.api.ContainerId;
import io.launcher.api.ResourceLimits;
import io.launcher.backend.lxc.config.LxcConfig;
import io.launcher.backend.lxc.config.LxcEntry;
import io.launcher.spi.Mount;
import io.launcher.spi.isolation.Capabilities;
import io.launcher.spi.isolation.NetworkAttachment;
import io.launcher.spi.isolation.ProcessSpec;
import io.launcher.spi.isolation.SandboxSpec;
import io.launcher.spi.isolation.SeccompProfile;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** LXC's rendering of Docker's default seccomp profile, and where the config points at it. */
class SeccompPolicyTest {
    @TempDir
    Path temp;

    @Test
    void theProfileIsAVersion2AllowListWhoseOtherCallsGetEperm() {
        List<String> lines = SeccompPolicy.render(Capabilities.DOCKER_DEFAULT).lines().toList();
        assertEquals(List.of("2", "allowlist errno 1", "[all]"), lines.subList(0, 3));
        for (String call : List.of("read", "write", "execve", "futex", "chroot", "ptrace", "arch_prctl")) {
            assertTrue(lines.contains(call + " allow"), call + " is allowed");
        }
        for (String call : List.of("keyctl", "add_key", "kexec_load", "init_module", "mount", "umount2", "unshare",
                "setns", "bpf", "perf_event_open", "userfaultfd", "swapon", "reboot", "open_by_handle_at", "kcmp",
                "sethostname", "io_uring_setup", "migrate_pages")) {
            assertTrue(lines.stream().noneMatch(line -> line.startsWith(call + " ")), call + " is not allowed");
        }
        assertTrue(lines.contains("clone3 errno 38"), "clone3 says ENOSYS so libc falls back to clone");
        assertTrue(lines.contains("clone allow [0,0,SCMP_CMP_MASKED_EQ,2114060288]"), "clone without CLONE_NEW* flags");
        assertTrue(lines.contains("socket allow [0,40,SCMP_CMP_NE]"), "socket but AF_VSOCK");
        assertTrue(lines.contains("personality allow [0,8,SCMP_CMP_EQ]")
                && lines.contains("personality allow [0,4294967295,SCMP_CMP_EQ]"), "Docker's personas");
    }

    @Test
    void capabilitiesLiftTheirRulesAsInDockersProfile() {
        Set<String> kept = new HashSet<>(Capabilities.DOCKER_DEFAULT);
        kept.add("CAP_SYS_ADMIN");
        kept.add("CAP_SYS_TIME");
        List<String> lines = SeccompPolicy.render(kept).lines().toList();
        for (String lifted : List.of("mount allow", "unshare allow", "setns allow", "clone3 allow", "clone allow",
                "settimeofday allow", "clock_settime allow")) {
            assertTrue(lines.contains(lifted), lifted);
        }
        assertFalse(lines.contains("clone3 errno 38"), "clone3 allowed with SYS_ADMIN");
        assertTrue(lines.stream().noneMatch(line -> line.startsWith("keyctl ") || line.startsWith("swapon ")),
                "never lifted");
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
