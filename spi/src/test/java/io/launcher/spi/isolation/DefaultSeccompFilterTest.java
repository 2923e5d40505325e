package io.launcher.spi.isolation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.launcher.spi.isolation.SeccompFilter.ActionKind;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DefaultSeccompFilterTest {
    private static Set<String> unconditional(SeccompFilter filter) {
        Set<String> names = new HashSet<>();
        filter.rules().stream().filter(rule -> rule.conditions().isEmpty() && rule.action().kind() == ActionKind.ALLOW)
                .forEach(rule -> names.addAll(rule.names()));
        return names;
    }

    @Test
    void anAllowListWhoseOtherCallsFailWithEperm() {
        SeccompFilter filter = DefaultSeccompFilter.forCapabilities(Capabilities.DOCKER_DEFAULT);
        assertEquals(SeccompFilter.Action.errno(1), filter.defaultAction());
        Set<String> allowed = unconditional(filter);
        assertTrue(allowed.size() > 300, "about Docker's count: " + allowed.size());
        assertTrue(allowed.containsAll(List.of("read", "write", "writev", "execve", "futex", "rseq", "chroot", "ptrace", "uretprobe")));
        for (String refused : List.of("keyctl", "mount", "unshare", "kcmp", "io_uring_setup", "swapon", "pivot_root",
                "sethostname", "userfaultfd", "clone", "clone3", "socket", "personality")) {
            assertFalse(allowed.contains(refused), refused + " is not allowed unconditionally");
        }
    }

    @Test
    void theI386CallsDockerAllowsAreNamedAndTheArchitecturesAreDockersArchMap() {
        SeccompFilter filter = DefaultSeccompFilter.forCapabilities(Capabilities.DOCKER_DEFAULT);
        assertTrue(unconditional(filter).containsAll(List.of("socketcall", "ipc", "mmap2", "getuid32", "_llseek",
                "clock_gettime64", "waitpid", "sigreturn")));
        assertFalse(unconditional(filter).contains("umount"), "umount needs CAP_SYS_ADMIN");
        List<String> expected = "aarch64".equals(System.getProperty("os.arch"))
                ? List.of("SCMP_ARCH_AARCH64", "SCMP_ARCH_ARM")
                : List.of("SCMP_ARCH_X86_64", "SCMP_ARCH_X86", "SCMP_ARCH_X32");
        assertEquals(expected, filter.architectures());
    }

    @Test
    void aCapabilityAddsItsGroupAndSysAdminDropsTheCloneRules() {
        Set<String> caps = new HashSet<>(Capabilities.DOCKER_DEFAULT);
        caps.add("CAP_SYS_ADMIN");
        SeccompFilter filter = DefaultSeccompFilter.forCapabilities(caps);
        assertTrue(unconditional(filter).containsAll(List.of("mount", "unshare", "setns", "clone", "clone3", "bpf")));
        assertFalse(unconditional(filter).contains("kcmp"));
        assertTrue(filter.rules().stream().noneMatch(rule -> rule.action().kind() == ActionKind.ERRNO),
                "clone3 is not sent to ENOSYS");
    }
}
