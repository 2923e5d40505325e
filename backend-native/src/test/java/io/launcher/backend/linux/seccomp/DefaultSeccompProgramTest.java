package io.launcher.backend.linux.seccomp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
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
 * Docker's default profile compiled: what a call gets, checked against the filter's plain
 * meaning ({@link FilterSemantics}) for every number up to past the newest, and the argument
 * rules and capability groups that tell it from a deny list.
 */
class DefaultSeccompProgramTest {
    private static final int X86_64 = Bpf.AUDIT_ARCH_X86_64;
    private static final int EPERM = Bpf.RET_ERRNO | 1;
    private static final int ENOSYS = Bpf.RET_ERRNO | 38;
    private static final int CLONE = 56;
    private static final int CLONE3 = 435;
    private static final int SOCKET = 41;
    private static final int PERSONALITY = 135;
    private static final int KCMP = 312;
    private static final int MOUNT = 165;

    private static List<Bpf> program(Set<String> capabilities) {
        return SeccompCompiler.compile(DefaultSeccompFilter.forCapabilities(capabilities));
    }

    @Test
    void everyNumberGetsWhatTheFilterSays() {
        for (Set<String> caps : List.of(Capabilities.DOCKER_DEFAULT, Set.copyOf(Capabilities.ALL))) {
            SeccompFilter filter = DefaultSeccompFilter.forCapabilities(caps);
            List<Bpf> program = SeccompCompiler.compile(filter);
            Random random = new Random(7);
            for (int nr = 0; nr < 600; nr++) {
                long arg = random.nextBoolean() ? random.nextLong() : random.nextInt(64);
                assertEquals(FilterSemantics.expected(filter, nr, arg), BpfInterpreter.run(program, X86_64, nr, arg),
                        "call " + nr + " with " + Long.toHexString(arg));
            }
        }
    }

    @Test
    void anAllowListWithDockersArgumentRules() {
        List<Bpf> program = program(Capabilities.DOCKER_DEFAULT);
        assertEquals(Bpf.RET_ALLOW, BpfInterpreter.run(program, X86_64, 0), "read");
        assertEquals(Bpf.RET_ALLOW, BpfInterpreter.run(program, X86_64, 20), "writev, the profile's last allowed name");
        assertEquals(EPERM, BpfInterpreter.run(program, X86_64, KCMP), "kcmp needs CAP_SYS_PTRACE");
        assertEquals(EPERM, BpfInterpreter.run(program, X86_64, 400), "a number no call has");
        assertEquals(ENOSYS, BpfInterpreter.run(program, X86_64, 470), "newer than the profile: libc falls back");
        new DockerArgumentRules(X86_64, CLONE, CLONE3, SOCKET, PERSONALITY).assertHeldBy(program);
        assertEquals(EPERM, BpfInterpreter.run(program, X86_64, PERSONALITY, 0x0040000L), "ADDR_NO_RANDOMIZE");
        assertTrue(program.size() < 1000, "binary searches of three ABIs, not lists: " + program.size() + " instructions");
    }

    @Test
    void capabilitiesLiftTheirGroups() {
        Set<String> caps = new HashSet<>(Capabilities.DOCKER_DEFAULT);
        caps.add("CAP_SYS_ADMIN");
        caps.add("CAP_SYS_PTRACE");
        List<Bpf> program = program(caps);
        assertEquals(Bpf.RET_ALLOW, BpfInterpreter.run(program, X86_64, MOUNT));
        assertEquals(Bpf.RET_ALLOW, BpfInterpreter.run(program, X86_64, KCMP));
        assertEquals(Bpf.RET_ALLOW, BpfInterpreter.run(program, X86_64, CLONE, 0x10000000L));
        assertEquals(Bpf.RET_ALLOW, BpfInterpreter.run(program, X86_64, CLONE3));
        assertEquals(EPERM, BpfInterpreter.run(program(Capabilities.DOCKER_DEFAULT), X86_64, MOUNT));
    }

    @Test
    void eachCapabilitySetIsCompiledOnce() {
        assertSame(DefaultSeccompProgram.encoded(Capabilities.DOCKER_DEFAULT),
                DefaultSeccompProgram.encoded(new HashSet<>(Capabilities.DOCKER_DEFAULT)));
        assertEquals(Bpf.encode(program(Capabilities.DOCKER_DEFAULT)), DefaultSeccompProgram.encoded(Capabilities.DOCKER_DEFAULT));
    }

    @Test
    void randomFiltersKeepTheirFirstMatchMeaning() {
        Random random = new Random(11);
        List<String> names = List.of("read", "write", "open", "close", "chmod", "fchmodat", "getpid", "clone", "mmap",
                "socket", "personality", "kill");
        for (int round = 0; round < 40; round++) {
            List<Rule> rules = new ArrayList<>();
            for (int r = 0; r < 1 + random.nextInt(12); r++) {
                List<Condition> conditions = new ArrayList<>();
                for (int c = 0; c < random.nextInt(3); c++) {
                    conditions.add(new Condition(0, random.nextInt(8), random.nextInt(4), Op.values()[random.nextInt(Op.values().length)]));
                }
                rules.add(new Rule(List.of(names.get(random.nextInt(names.size())), names.get(random.nextInt(names.size()))),
                        random.nextBoolean() ? Action.ALLOW : Action.errno(1 + random.nextInt(40)), conditions));
            }
            SeccompFilter filter = new SeccompFilter(random.nextBoolean() ? Action.ALLOW : Action.errno(13), List.of(), rules);
            List<Bpf> program = SeccompCompiler.compile(filter);
            for (int nr = 0; nr < 100; nr++) {
                long arg = random.nextInt(8);
                assertEquals(FilterSemantics.expected(filter, nr, arg), BpfInterpreter.run(program, X86_64, nr, arg),
                        "round " + round + " call " + nr + " arg " + arg);
            }
        }
    }
}
