package io.launcher.backend.linux.seccomp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.launcher.api.InvalidSpecException;
import io.launcher.spi.isolation.SeccompFilter;
import io.launcher.spi.isolation.SeccompFilter.Action;
import io.launcher.spi.isolation.SeccompFilter.ActionKind;
import io.launcher.spi.isolation.SeccompFilter.Condition;
import io.launcher.spi.isolation.SeccompFilter.Op;
import io.launcher.spi.isolation.SeccompFilter.Rule;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SeccompCompilerTest {
    private static final int X86_64 = Bpf.AUDIT_ARCH_X86_64;
    private static final int I386 = 0x40000003;
    private static final int CHMOD = 90;
    private static final int FCHMODAT = 268;
    private static final int GETPID = 39;
    private static final int PERSONALITY = 135;
    private static final int EPERM = Bpf.RET_ERRNO | 1;

    private static SeccompFilter filter(Action defaultAction, Rule... rules) {
        return new SeccompFilter(defaultAction, List.of(), List.of(rules));
    }

    @Test
    void namedCallsGetTheirActionAndTheRestTheDefault() {
        List<Bpf> program = SeccompCompiler.compile(filter(Action.ALLOW,
                new Rule(List.of("chmod", "no_such_call", "fchmodat"), Action.errno(1), List.of()),
                new Rule(List.of("getpid"), new Action(ActionKind.KILL_PROCESS, 0), List.of())));
        assertEquals(EPERM, BpfInterpreter.run(program, X86_64, CHMOD));
        assertEquals(EPERM, BpfInterpreter.run(program, X86_64, FCHMODAT));
        assertEquals(Bpf.RET_KILL_PROCESS, BpfInterpreter.run(program, X86_64, GETPID));
        assertEquals(Bpf.RET_ALLOW, BpfInterpreter.run(program, X86_64, 0));
    }

    @Test
    void otherAbisAreRefusedBeforeAnyRule() {
        List<Bpf> program = SeccompCompiler.compile(filter(Action.ALLOW));
        assertEquals(Bpf.RET_KILL_PROCESS, BpfInterpreter.run(program, I386, CHMOD));
        assertEquals(EPERM, BpfInterpreter.run(program, X86_64, Bpf.X32_SYSCALL_BIT | CHMOD));
    }

    @Test
    void theFirstMatchingRuleWinsAndAFailedConditionFallsThrough() {
        List<Bpf> program = SeccompCompiler.compile(filter(Action.errno(38),
                new Rule(List.of("personality"), Action.ALLOW, List.of(new Condition(0, 8, 0, Op.EQ))),
                new Rule(List.of("personality"), Action.errno(13), List.of(new Condition(0, 0xffffffffL, 0, Op.EQ))),
                new Rule(List.of("getpid"), Action.ALLOW, List.of())));
        assertEquals(Bpf.RET_ALLOW, BpfInterpreter.run(program, X86_64, PERSONALITY, 8));
        assertEquals(Bpf.RET_ERRNO | 13, BpfInterpreter.run(program, X86_64, PERSONALITY, 0xffffffffL));
        assertEquals(Bpf.RET_ERRNO | 38, BpfInterpreter.run(program, X86_64, PERSONALITY, 0x1_0000_0008L), "the high word counts");
        assertEquals(Bpf.RET_ALLOW, BpfInterpreter.run(program, X86_64, GETPID), "the number is reloaded after conditions");
    }

    @Test
    void everyOperatorComparesAll64BitsAsUnsigned() {
        List<Long> values = interestingValues();
        for (Op op : Op.values()) {
            for (long value : values) {
                for (long valueTwo : op == Op.MASKED_EQ ? values : List.of(0L)) {
                    List<Bpf> program = SeccompCompiler.compile(filter(Action.ALLOW,
                            new Rule(List.of("chmod"), Action.errno(1), List.of(new Condition(2, value, valueTwo, op)))));
                    for (long arg : values) {
                        boolean expected = FilterSemantics.holds(op, arg, value, valueTwo);
                        int result = BpfInterpreter.run(program, X86_64, CHMOD, 0, 0, arg);
                        assertEquals(expected ? EPERM : Bpf.RET_ALLOW, result,
                                () -> String.format("%s arg=%x value=%x valueTwo=%x", op, arg, value, valueTwo));
                    }
                }
            }
        }
    }

    @Test
    void allConditionsOfARuleMustHold() {
        List<Bpf> program = SeccompCompiler.compile(filter(Action.ALLOW, new Rule(List.of("fchmodat"), Action.errno(1),
                List.of(new Condition(0, 5, 0, Op.GE), new Condition(2, 0100, 0100, Op.MASKED_EQ)))));
        assertEquals(EPERM, BpfInterpreter.run(program, X86_64, FCHMODAT, 7, 0, 0755));
        assertEquals(Bpf.RET_ALLOW, BpfInterpreter.run(program, X86_64, FCHMODAT, 4, 0, 0755));
        assertEquals(Bpf.RET_ALLOW, BpfInterpreter.run(program, X86_64, FCHMODAT, 7, 0, 0644));
    }

    @Test
    void everyJumpStaysInsideTheProgram() {
        List<Bpf> program = SeccompCompiler.compile(filter(Action.errno(1),
                new Rule(List.of("read", "write", "chmod"), Action.ALLOW, List.of(new Condition(1, -1, 0, Op.LE),
                        new Condition(3, 1L << 40, 0, Op.NE)))));
        for (int i = 0; i < program.size(); i++) {
            if ((program.get(i).code() & 0x07) != 0x05) {
                continue;
            }
            Bpf insn = program.get(i);
            int reach = insn.code() == Bpf.JMP_JA ? insn.k() : Math.max(insn.jt(), insn.jf());
            assertTrue(i + 1 + reach < program.size(), "the jump at " + i + " lands inside the program");
        }
        assertEquals(Bpf.RET_K, program.get(program.size() - 1).code());
    }

    @Test
    void aProgramPastTheKernelsLimitIsRefused() {
        List<Rule> rules = new ArrayList<>();
        for (int i = 0; i < 1200; i++) {
            rules.add(new Rule(List.of("chmod"), Action.errno(1), List.of(new Condition(0, i, 0, Op.EQ))));
        }
        assertThrows(InvalidSpecException.class,
                () -> SeccompCompiler.compile(new SeccompFilter(Action.ALLOW, List.of(), rules)));
    }

    @Test
    void theEncodingIsWhatSpecCReads() {
        assertEquals("0006000000050001" + "0015010200000005",
                Bpf.encode(List.of(new Bpf(Bpf.RET_K, 0, 0, Bpf.RET_ERRNO | 1), new Bpf(Bpf.JMP_JEQ_K, 1, 2, 5))));
    }

    private static List<Long> interestingValues() {
        List<Long> values = new ArrayList<>(List.of(0L, 1L, 0x7fffffffL, 0x80000000L, 0xffffffffL, 0x1_0000_0000L,
                0x1_0000_0001L, 0x2_ffff_ffffL, Long.MAX_VALUE, Long.MIN_VALUE, -1L, -2L));
        Random random = new Random(42);
        for (int i = 0; i < 4; i++) {
            values.add(random.nextLong());
        }
        return values;
    }
}
