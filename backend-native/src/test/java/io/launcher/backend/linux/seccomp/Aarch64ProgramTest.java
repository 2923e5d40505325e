package io.launcher.backend.linux.seccomp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.launcher.spi.isolation.Capabilities;
import io.launcher.spi.isolation.DefaultSeccompFilter;
import io.launcher.spi.isolation.SeccompFilter;
import io.launcher.spi.isolation.SeccompFilter.Action;
import io.launcher.spi.isolation.SeccompFilter.Condition;
import io.launcher.spi.isolation.SeccompFilter.Op;
import io.launcher.spi.isolation.SeccompFilter.Rule;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The programs for aarch64, compiled on this x86_64 host and run by {@link BpfInterpreter}:
 * no aarch64 machine runs them here. Numbers are the generic table's (asm-generic/unistd.h).
 */
class Aarch64ProgramTest {
    private static final int AARCH64 = Bpf.AUDIT_ARCH_AARCH64;
    private static final int ARM = Bpf.AUDIT_ARCH_ARM; // a 32-bit process under compat
    private static final int EPERM = Bpf.RET_ERRNO | 1;
    private static final int ENOSYS = Bpf.RET_ERRNO | 38;
    private static final int OPENAT = 56;
    private static final int READ = 63;
    private static final int WRITEV = 66;
    private static final int MOUNT = 40;
    private static final int KCMP = 272;
    private static final int SOCKET = 198;
    private static final int PERSONALITY = 92;
    private static final int CLONE = 220;
    private static final int CLONE3 = 435;
    private static final int KEYCTL = 219;
    private static final int MEMFD_SECRET = 447;

    private static List<Bpf> program(Set<String> capabilities) {
        return SeccompCompiler.compile(DefaultSeccompFilter.forCapabilities(capabilities), SyscallTable.AARCH64);
    }

    @Test
    void theTableIsTheGenericOne() {
        assertEquals(OPENAT, SyscallTable.AARCH64.number("openat").orElseThrow());
        assertEquals(CLONE, SyscallTable.AARCH64.number("clone").orElseThrow());
        assertEquals(79, SyscallTable.AARCH64.number("newfstatat").orElseThrow());
        assertEquals(469, SyscallTable.AARCH64.number("file_setattr").orElseThrow());
        for (String x86Only : List.of("open", "stat", "fork", "arch_prctl", "uretprobe", "epoll_wait")) {
            assertTrue(SyscallTable.AARCH64.number(x86Only).isEmpty(), x86Only + " is not an aarch64 call");
        }
    }

    @Test
    void everyNumberGetsWhatTheFilterSays() {
        for (Set<String> caps : List.of(Capabilities.DOCKER_DEFAULT, Set.copyOf(Capabilities.ALL))) {
            SeccompFilter filter = DefaultSeccompFilter.forCapabilities(caps);
            List<Bpf> program = SeccompCompiler.compile(filter, SyscallTable.AARCH64);
            Random random = new Random(5);
            for (int nr = 0; nr < 600; nr++) {
                long arg = random.nextBoolean() ? random.nextLong() : random.nextInt(64);
                assertEquals(FilterSemantics.expected(filter, SyscallTable.AARCH64, nr, arg),
                        BpfInterpreter.run(program, AARCH64, nr, arg), "call " + nr + " with " + Long.toHexString(arg));
            }
        }
    }

    @Test
    void theDefaultProfileOnAarch64Numbers() {
        List<Bpf> program = program(Capabilities.DOCKER_DEFAULT);
        assertEquals(Bpf.RET_ALLOW, BpfInterpreter.run(program, AARCH64, READ), "read");
        assertEquals(Bpf.RET_ALLOW, BpfInterpreter.run(program, AARCH64, OPENAT), "openat");
        assertEquals(Bpf.RET_ALLOW, BpfInterpreter.run(program, AARCH64, WRITEV), "writev");
        assertEquals(Bpf.RET_ALLOW, BpfInterpreter.run(program, AARCH64, MEMFD_SECRET), "memfd_secret");
        assertEquals(EPERM, BpfInterpreter.run(program, AARCH64, MOUNT), "mount needs CAP_SYS_ADMIN");
        assertEquals(EPERM, BpfInterpreter.run(program, AARCH64, KCMP), "kcmp needs CAP_SYS_PTRACE");
        assertEquals(EPERM, BpfInterpreter.run(program, AARCH64, KEYCTL), "the keyring");
        assertEquals(EPERM, BpfInterpreter.run(program, AARCH64, 250), "a number no call has (arch-specific range)");
        assertEquals(ENOSYS, BpfInterpreter.run(program, AARCH64, 470), "newer than the profile: libc falls back");
        new DockerArgumentRules(AARCH64, CLONE, CLONE3, SOCKET, PERSONALITY).assertHeldBy(program);
        Set<String> admin = new HashSet<>(Capabilities.DOCKER_DEFAULT);
        admin.add("CAP_SYS_ADMIN");
        assertEquals(Bpf.RET_ALLOW, BpfInterpreter.run(program(admin), AARCH64, MOUNT), "lifted by CAP_SYS_ADMIN");
    }

    @Test
    void anotherAbiIsKilledAndThereIsNoX32Check() {
        List<Bpf> program = program(Capabilities.DOCKER_DEFAULT);
        assertEquals(Bpf.RET_KILL_PROCESS, BpfInterpreter.run(program, ARM, READ), "arm32 under compat");
        assertEquals(Bpf.RET_KILL_PROCESS, BpfInterpreter.run(program, Bpf.AUDIT_ARCH_X86_64, READ));
        assertEquals(ENOSYS, BpfInterpreter.run(program, AARCH64, Bpf.X32_SYSCALL_BIT | READ),
                "x32's bit is only a number above the newest call here, not x32's EPERM");
        for (Bpf insn : program) {
            assertFalse(insn.code() == Bpf.JMP_JGE_K && insn.k() == Bpf.X32_SYSCALL_BIT, "an x32 test on aarch64");
        }
    }

    @Test
    void aCustomProfileSkipsNamesAarch64Lacks() {
        SeccompFilter filter = new SeccompFilter(Action.ALLOW, List.of(), List.of(
                new Rule(List.of("open", "openat", "chmod", "fchmodat"), Action.errno(13), List.of()),
                new Rule(List.of("personality"), Action.errno(1), List.of(new Condition(0, 8, 0, Op.NE)))));
        List<Bpf> program = SeccompCompiler.compile(filter, SyscallTable.AARCH64);
        assertEquals(Bpf.RET_ERRNO | 13, BpfInterpreter.run(program, AARCH64, OPENAT));
        assertEquals(Bpf.RET_ERRNO | 13, BpfInterpreter.run(program, AARCH64, 53), "fchmodat");
        assertEquals(Bpf.RET_ALLOW, BpfInterpreter.run(program, AARCH64, 2), "x86_64's open number is io_submit here");
        assertEquals(Bpf.RET_ALLOW, BpfInterpreter.run(program, AARCH64, PERSONALITY, 8));
        assertEquals(EPERM, BpfInterpreter.run(program, AARCH64, PERSONALITY, 9));
        for (int nr = 0; nr < 480; nr++) {
            assertEquals(FilterSemantics.expected(filter, SyscallTable.AARCH64, nr, 9),
                    BpfInterpreter.run(program, AARCH64, nr, 9), "call " + nr);
        }
    }
}
