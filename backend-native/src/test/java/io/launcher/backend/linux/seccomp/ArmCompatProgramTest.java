package io.launcher.backend.linux.seccomp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.launcher.spi.isolation.Capabilities;
import io.launcher.spi.isolation.DefaultSeccompFilter;
import io.launcher.spi.isolation.SeccompFilter;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The aarch64 program with arm's EABI beside it, as Docker's archMap gives an arm64 host:
 * compiled here (an x86_64 host, so the filter's architectures are stated as an arm64 host's
 * DefaultSeccompFilter states them) and run by {@link BpfInterpreter}.
 */
class ArmCompatProgramTest {
    private static final int AARCH64 = Bpf.AUDIT_ARCH_AARCH64;
    private static final int ARM = Bpf.AUDIT_ARCH_ARM;
    private static final int EPERM = Bpf.RET_ERRNO | 1;
    private static final int ENOSYS = Bpf.RET_ERRNO | 38;
    private static final int ARM_PRIVATE = 0x0f0000;

    private static SeccompFilter arm64Host(Set<String> capabilities) {
        SeccompFilter filter = DefaultSeccompFilter.forCapabilities(capabilities);
        return new SeccompFilter(filter.defaultAction(), List.of("SCMP_ARCH_AARCH64", "SCMP_ARCH_ARM"), filter.rules());
    }

    private static List<Bpf> program(Set<String> capabilities) {
        return SeccompCompiler.compile(arm64Host(capabilities), SyscallTable.AARCH64);
    }

    @Test
    void theTableIsArmsEabi() {
        assertEquals(20, SyscallTable.ARM.number("getpid").orElseThrow());
        assertEquals(281, SyscallTable.ARM.number("socket").orElseThrow());
        assertEquals(378, SyscallTable.ARM.number("kcmp").orElseThrow());
        assertEquals(ARM_PRIVATE + 5, SyscallTable.ARM.number("set_tls").orElseThrow());
        assertEquals(469, SyscallTable.ARM.number("file_setattr").orElseThrow());
    }

    @Test
    void everyNumberGetsWhatTheFilterSays() {
        for (Set<String> caps : List.of(Capabilities.DOCKER_DEFAULT, Set.copyOf(Capabilities.ALL))) {
            SeccompFilter filter = arm64Host(caps);
            List<Bpf> program = SeccompCompiler.compile(filter, SyscallTable.AARCH64);
            Random random = new Random(17);
            for (int n = 0; n < 620; n++) {
                int nr = n < 600 ? n : ARM_PRIVATE + n - 600;
                long arg = random.nextBoolean() ? random.nextLong() : random.nextInt(64);
                assertEquals(FilterSemantics.expected(filter, SyscallTable.ARM, nr, arg),
                        BpfInterpreter.run(program, ARM, nr, arg), "arm call " + nr + " with " + Long.toHexString(arg));
                assertEquals(FilterSemantics.expected(filter, SyscallTable.AARCH64, nr, arg),
                        BpfInterpreter.run(program, AARCH64, nr, arg), "aarch64 call " + nr);
            }
        }
    }

    @Test
    void armGetsDockersAllowListAndArgumentRules() {
        List<Bpf> program = program(Capabilities.DOCKER_DEFAULT);
        assertEquals(Bpf.RET_ALLOW, BpfInterpreter.run(program, ARM, 20), "getpid");
        assertEquals(Bpf.RET_ALLOW, BpfInterpreter.run(program, ARM, ARM_PRIVATE + 5), "set_tls");
        assertEquals(Bpf.RET_ALLOW, BpfInterpreter.run(program, ARM, 291), "recv, a call of its own on arm");
        assertEquals(EPERM, BpfInterpreter.run(program, ARM, 378), "kcmp needs CAP_SYS_PTRACE");
        assertEquals(EPERM, BpfInterpreter.run(program, ARM, 21), "mount");
        assertEquals(EPERM, BpfInterpreter.run(program, ARM, 500), "no call, below the private calls");
        assertEquals(ENOSYS, BpfInterpreter.run(program, ARM, ARM_PRIVATE + 7), "above the newest named call");
        new DockerArgumentRules(ARM, 120, 435, 281, 136).assertHeldBy(program);
        assertEquals(Bpf.RET_ALLOW, BpfInterpreter.run(program, ARM, 281, 10), "socket(AF_INET6)");
        assertEquals(Bpf.RET_ALLOW, BpfInterpreter.run(program, ARM, 136, 0x8L), "personality(PER_LINUX32)");
        assertEquals(Bpf.RET_KILL_PROCESS, BpfInterpreter.run(program, Bpf.AUDIT_ARCH_I386, 20), "not this host's ABI");
    }
}
