package io.launcher.backend.linux.seccomp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.launcher.spi.isolation.Capabilities;
import io.launcher.spi.isolation.DefaultSeccompFilter;
import io.launcher.spi.isolation.SeccompFilter;
import io.launcher.spi.isolation.SeccompFilter.Action;
import io.launcher.spi.isolation.SeccompFilter.Condition;
import io.launcher.spi.isolation.SeccompFilter.Op;
import io.launcher.spi.isolation.SeccompFilter.Rule;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The x86_64 program's compat ABIs, as Docker's archMap gives them: i386 ({@code int 0x80},
 * AUDIT_ARCH_I386, its own numbers) and x32 (AUDIT_ARCH_X86_64 with {@code __X32_SYSCALL_BIT}),
 * run by {@link BpfInterpreter} and checked against {@link FilterSemantics}.
 */
class CompatAbiProgramTest {
    private static final int X86_64 = Bpf.AUDIT_ARCH_X86_64;
    private static final int I386 = Bpf.AUDIT_ARCH_I386;
    private static final int X32 = Bpf.X32_SYSCALL_BIT;
    private static final int EPERM = Bpf.RET_ERRNO | 1;
    private static final int ENOSYS = Bpf.RET_ERRNO | 38;
    private static final List<String> ARCH_MAP = List.of("SCMP_ARCH_X86_64", "SCMP_ARCH_X86", "SCMP_ARCH_X32");

    private static List<Bpf> program(Set<String> capabilities) {
        return SeccompCompiler.compile(DefaultSeccompFilter.forCapabilities(capabilities), SyscallTable.X86_64);
    }

    @Test
    void theTablesAreTheKernelHeaders() {
        assertEquals(20, SyscallTable.I386.number("getpid").orElseThrow());
        assertEquals(102, SyscallTable.I386.number("socketcall").orElseThrow());
        assertEquals(359, SyscallTable.I386.number("socket").orElseThrow());
        assertEquals(469, SyscallTable.I386.number("file_setattr").orElseThrow());
        assertEquals(X32 | 39, SyscallTable.X32.number("getpid").orElseThrow());
        assertEquals(X32 | 512, SyscallTable.X32.number("rt_sigaction").orElseThrow());
        assertEquals(X32 | 547, SyscallTable.X32.number("pwritev2").orElseThrow());
        assertTrue(SyscallTable.X32.number("map_shadow_stack").isEmpty(), "64-bit only");
        assertTrue(SyscallTable.I386.number("arch_prctl").isPresent());
        assertTrue(SyscallTable.I386.number("newfstatat").isEmpty());
    }

    @Test
    void everyNumberOfEachAbiGetsWhatTheFilterSays() {
        for (Set<String> caps : List.of(Capabilities.DOCKER_DEFAULT, Set.copyOf(Capabilities.ALL))) {
            SeccompFilter filter = DefaultSeccompFilter.forCapabilities(caps);
            assertEquals(ARCH_MAP, filter.architectures());
            List<Bpf> program = SeccompCompiler.compile(filter, SyscallTable.X86_64);
            Random random = new Random(3);
            for (int n = 0; n < 600; n++) {
                long arg = random.nextBoolean() ? random.nextLong() : random.nextInt(64);
                assertEquals(FilterSemantics.expected(filter, SyscallTable.I386, n, arg),
                        BpfInterpreter.run(program, I386, n, arg), "i386 call " + n + " with " + Long.toHexString(arg));
                assertEquals(FilterSemantics.expected(filter, SyscallTable.X32, X32 | n, arg),
                        BpfInterpreter.run(program, X86_64, X32 | n, arg), "x32 call " + n + " with " + Long.toHexString(arg));
                assertEquals(FilterSemantics.expected(filter, SyscallTable.X86_64, n, arg),
                        BpfInterpreter.run(program, X86_64, n, arg), "x86_64 call " + n);
            }
        }
    }

    @Test
    void i386GetsDockersAllowListAndArgumentRules() {
        List<Bpf> program = program(Capabilities.DOCKER_DEFAULT);
        assertEquals(Bpf.RET_ALLOW, BpfInterpreter.run(program, I386, 20), "getpid");
        assertEquals(Bpf.RET_ALLOW, BpfInterpreter.run(program, I386, 102), "socketcall, as Docker allows it");
        assertEquals(Bpf.RET_ALLOW, BpfInterpreter.run(program, I386, 192), "mmap2");
        assertEquals(Bpf.RET_ALLOW, BpfInterpreter.run(program, I386, 403), "clock_gettime64");
        assertEquals(EPERM, BpfInterpreter.run(program, I386, 88), "reboot needs CAP_SYS_BOOT");
        assertEquals(EPERM, BpfInterpreter.run(program, I386, 283), "kexec_load");
        assertEquals(EPERM, BpfInterpreter.run(program, I386, 21), "mount");
        assertEquals(EPERM, BpfInterpreter.run(program, I386, 67), "sigaction: Docker names only rt_sigaction");
        assertEquals(EPERM, BpfInterpreter.run(program, I386, 387), "a number i386 has never assigned");
        assertEquals(ENOSYS, BpfInterpreter.run(program, I386, 470), "newer than the profile");
        new DockerArgumentRules(I386, 120, 435, 359, 136).assertHeldBy(program);
        assertEquals(Bpf.RET_ALLOW, BpfInterpreter.run(program, I386, 120, 0xffffffff_01200011L),
                "a high word the call never sees does not refuse it");
        assertEquals(EPERM, BpfInterpreter.run(program, I386, 120, 0x1_10000000L), "nor lets CLONE_NEWUSER through");
        assertEquals(Bpf.RET_ALLOW, BpfInterpreter.run(program, I386, 136, 0x7_00000008L), "PER_LINUX32, high word unseen");
        assertEquals(EPERM, BpfInterpreter.run(program, X86_64, 135, 0x7_00000008L), "x86_64 compares both words");
        assertEquals(EPERM, BpfInterpreter.run(program, I386, 136, 0x0040000L), "ADDR_NO_RANDOMIZE");
        Set<String> boot = new HashSet<>(Capabilities.DOCKER_DEFAULT);
        boot.add("CAP_SYS_BOOT");
        assertEquals(Bpf.RET_ALLOW, BpfInterpreter.run(program(boot), I386, 88), "reboot with CAP_SYS_BOOT");
    }

    @Test
    void x32GetsItsOwnNumbers() {
        List<Bpf> program = program(Capabilities.DOCKER_DEFAULT);
        assertEquals(Bpf.RET_ALLOW, BpfInterpreter.run(program, X86_64, X32 | 39), "getpid");
        assertEquals(Bpf.RET_ALLOW, BpfInterpreter.run(program, X86_64, X32 | 512), "x32's rt_sigaction");
        assertEquals(EPERM, BpfInterpreter.run(program, X86_64, X32 | 13), "x86_64's rt_sigaction number: not an x32 call");
        assertEquals(EPERM, BpfInterpreter.run(program, X86_64, X32 | 528), "kexec_load");
        assertEquals(EPERM, BpfInterpreter.run(program, X86_64, X32 | 312), "kcmp needs CAP_SYS_PTRACE");
        assertEquals(EPERM, BpfInterpreter.run(program, X86_64, X32 | 500), "between 469 and 512: no call");
        assertEquals(ENOSYS, BpfInterpreter.run(program, X86_64, X32 | 548), "above x32's newest");
        new DockerArgumentRules(X86_64, X32 | 56, X32 | 435, X32 | 41, X32 | 135).assertHeldBy(program);
    }

    @Test
    void aProfileWithoutTheCompatArchitecturesRefusesThemAsBefore() {
        SeccompFilter nativeOnly = new SeccompFilter(Action.errno(1), List.of("SCMP_ARCH_X86_64"),
                List.of(new Rule(List.of("getpid", "read"), Action.ALLOW, List.of())));
        List<Bpf> program = SeccompCompiler.compile(nativeOnly, SyscallTable.X86_64);
        assertEquals(Bpf.RET_ALLOW, BpfInterpreter.run(program, X86_64, 39));
        assertEquals(Bpf.RET_KILL_PROCESS, BpfInterpreter.run(program, I386, 20), "i386 not listed");
        assertEquals(EPERM, BpfInterpreter.run(program, X86_64, X32 | 39), "x32 not listed");
        SeccompFilter i386Only = new SeccompFilter(Action.errno(1), List.of("SCMP_ARCH_X86_64", "SCMP_ARCH_X86"),
                nativeOnly.rules());
        List<Bpf> withI386 = SeccompCompiler.compile(i386Only, SyscallTable.X86_64);
        assertEquals(Bpf.RET_ALLOW, BpfInterpreter.run(withI386, I386, 20));
        assertEquals(Bpf.RET_ALLOW, BpfInterpreter.run(withI386, I386, 3), "read is 3 on i386");
        assertEquals(EPERM, BpfInterpreter.run(withI386, X86_64, X32 | 39));
        assertEquals(Bpf.RET_KILL_PROCESS, BpfInterpreter.run(withI386, Bpf.AUDIT_ARCH_AARCH64, 20));
    }

    /** Every operator on the low word, values with and without a high word, against the zero-extended meaning. */
    @Test
    void argumentTestsOfA32BitAbiMeanTheLowWordZeroExtended() {
        Random random = new Random(13);
        long[] values = {0, 8, 40, 0xffffffffL, 0x1_00000000L, 0x1_00000008L, 0xffffffff_ffffffffL, 0x7E020000L};
        long[] args = {0, 7, 8, 9, 40, 0xfffffffeL, 0xffffffffL, 0x1_00000008L, 0xffffffff_00000028L, 0x10000000L};
        for (int round = 0; round < 30; round++) {
            List<Rule> rules = new ArrayList<>();
            for (int r = 0; r < 1 + random.nextInt(5); r++) {
                Op op = Op.values()[random.nextInt(Op.values().length)];
                long value = values[random.nextInt(values.length)];
                long two = op == Op.MASKED_EQ ? value & values[random.nextInt(values.length)] : 0;
                rules.add(new Rule(List.of("personality", "getpid"), Action.errno(1 + r),
                        List.of(new Condition(0, value, two, op))));
            }
            SeccompFilter filter = new SeccompFilter(Action.ALLOW, ARCH_MAP, rules);
            List<Bpf> program = SeccompCompiler.compile(filter, SyscallTable.X86_64);
            for (long arg : args) {
                assertEquals(FilterSemantics.expected(filter, SyscallTable.I386, 136, arg),
                        BpfInterpreter.run(program, I386, 136, arg), "round " + round + " i386 arg " + Long.toHexString(arg));
                assertEquals(FilterSemantics.expected(filter, SyscallTable.X32, X32 | 135, arg),
                        BpfInterpreter.run(program, X86_64, X32 | 135, arg), "round " + round + " x32 arg " + Long.toHexString(arg));
                assertEquals(FilterSemantics.expected(filter, SyscallTable.X86_64, 135, arg),
                        BpfInterpreter.run(program, X86_64, 135, arg), "round " + round + " x86_64 arg " + Long.toHexString(arg));
            }
        }
    }

    @Test
    void theProgramStaysFarBelowTheKernelsLimit() {
        for (Set<String> caps : List.of(Capabilities.DOCKER_DEFAULT, Set.copyOf(Capabilities.ALL))) {
            int size = program(caps).size();
            assertTrue(size < Bpf.MAX_INSTRUCTIONS / 3, "three ABIs' searches: " + size + " instructions");
        }
    }
}
