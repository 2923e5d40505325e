package io.launcher.backend.linux.seccomp;

import io.launcher.api.InvalidSpecException;
import io.launcher.backend.linux.seccomp.BpfAssembler.Target;
import io.launcher.spi.isolation.SeccompFilter;
import io.launcher.spi.isolation.SeccompFilter.Action;
import io.launcher.spi.isolation.SeccompFilter.Condition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * Compiles a seccomp filter (a custom profile, or Docker's default profile from
 * {@code DefaultSeccompFilter}) to the classic BPF program the shim installs. The program, in order:
 * <ol>
 *   <li>a call of another ABI than the host's ({@link SyscallTable}: x86_64 or aarch64) kills the
 *       process (i386 through {@code int 0x80}, arm32 on an arm64 kernel with compat), and on
 *       x86_64 an x32 call (its number carries {@code __X32_SYSCALL_BIT}) fails with EPERM: the
 *       rules name the host's numbers and must not be side-stepped;</li>
 *   <li>a binary search on the call number ({@link NumberRanges}), two instructions a level, to
 *       the number's rules: for each rule that names it, in the filter's order (names the
 *       architecture lacks are skipped, as Docker and libseccomp skip them), if every condition holds, the rule's action;
 *       none: the default action. Rules of different numbers never meet, so this keeps the
 *       filter's first-match order while a call walks about ten instructions, not every rule;</li>
 *   <li>as runc does, unless the default action allows: a number above the highest the filter
 *       names fails with ENOSYS instead of the default action, so that libc falls back from a
 *       call newer than the profile as it does from one newer than the kernel.</li>
 * </ol>
 * A condition compares the 64-bit argument as two 32-bit words (classic BPF loads 32 bits): the
 * high words decide unless they are equal, then the low words do.
 */
public final class SeccompCompiler {
    private static final int ENOSYS = 38;

    private final BpfAssembler asm = new BpfAssembler();
    /** Each distinct list of rules a range runs, and where its code starts: ranges alike share it. */
    private final List<Leaf> leaves = new ArrayList<>();

    private record Leaf(List<SeccompFilter.Rule> rules, Target label) {
    }

    private SeccompCompiler() {
    }

    /** The program for the host's architecture; refused on one without a table. */
    public static List<Bpf> compile(SeccompFilter filter) {
        return compile(filter, SyscallTable.host());
    }

    /** The program for {@code arch}: its numbers, its arch check. */
    public static List<Bpf> compile(SeccompFilter filter, SyscallTable arch) {
        Map<Integer, List<SeccompFilter.Rule>> rules = rulesByNumber(filter, arch);
        int fallback = returnValue(filter.defaultAction());
        boolean permissive = fallback == Bpf.RET_ALLOW || fallback == Bpf.RET_LOG;
        int above = permissive ? fallback : Bpf.RET_ERRNO | ENOSYS;
        NumberRanges ranges = NumberRanges.of(rules, fallback, above);
        SeccompCompiler compiler = new SeccompCompiler();
        compiler.preamble(arch);
        compiler.search(ranges, 0, ranges.size() - 1);
        compiler.leaves(fallback);
        if (compiler.asm.size() > Bpf.MAX_INSTRUCTIONS) {
            throw new InvalidSpecException("seccomp profile too large: " + compiler.asm.size()
                    + " BPF instructions, the kernel takes at most " + Bpf.MAX_INSTRUCTIONS);
        }
        return compiler.asm.assemble();
    }

    /** Each number of {@code arch} the filter names, with the rules naming it in the filter's order. */
    private static Map<Integer, List<SeccompFilter.Rule>> rulesByNumber(SeccompFilter filter, SyscallTable arch) {
        Map<Integer, List<SeccompFilter.Rule>> byNumber = new TreeMap<>();
        for (SeccompFilter.Rule rule : filter.rules()) {
            for (String name : rule.names()) {
                OptionalInt number = arch.number(name);
                if (number.isEmpty()) {
                    continue;
                }
                List<SeccompFilter.Rule> rules = byNumber.get(number.getAsInt());
                if (rules == null) {
                    rules = new ArrayList<>();
                    byNumber.put(number.getAsInt(), rules);
                }
                if (rules.isEmpty() || rules.get(rules.size() - 1) != rule) {
                    rules.add(rule); // a name given twice in one rule counts once
                }
            }
        }
        return byNumber;
    }

    /** The seccomp return value of an action. */
    static int returnValue(Action action) {
        return switch (action.kind()) {
            case ALLOW -> Bpf.RET_ALLOW;
            case ERRNO -> Bpf.RET_ERRNO | action.errno();
            case KILL_THREAD -> Bpf.RET_KILL_THREAD;
            case KILL_PROCESS -> Bpf.RET_KILL_PROCESS;
            case TRAP -> Bpf.RET_TRAP;
            case LOG -> Bpf.RET_LOG;
        };
    }

    /** Leaves the call number in the accumulator. */
    private void preamble(SyscallTable arch) {
        Target native64 = asm.label();
        asm.statement(Bpf.LD_W_ABS, Bpf.OFFSET_ARCH);
        asm.jump(Bpf.JMP_JEQ_K, arch.auditArch(), native64, Target.NEXT);
        asm.statement(Bpf.RET_K, Bpf.RET_KILL_PROCESS);
        asm.place(native64);
        asm.statement(Bpf.LD_W_ABS, Bpf.OFFSET_NR);
        if (arch.hasX32()) {
            Target notX32 = asm.label();
            asm.jump(Bpf.JMP_JGE_K, Bpf.X32_SYSCALL_BIT, Target.NEXT, notX32);
            asm.statement(Bpf.RET_K, Bpf.RET_ERRNO | 1);
            asm.place(notX32);
        }
    }

    /**
     * Ranges {@code first..last}: the upper half is reached through a {@code BPF_JA} (any
     * distance), the lower half follows; a single range returns at once or jumps to its leaf.
     */
    private void search(NumberRanges ranges, int first, int last) {
        if (first == last) {
            NumberRanges.Range range = ranges.get(first);
            if (range.immediate()) {
                asm.statement(Bpf.RET_K, range.returnValue());
            } else {
                asm.jumpAlways(leaf(range.rules()));
            }
            return;
        }
        int middle = (first + last + 1) / 2;
        Target upper = asm.label();
        Target lower = asm.label();
        asm.jump(Bpf.JMP_JGE_K, ranges.get(middle).from(), Target.NEXT, lower);
        asm.jumpAlways(upper);
        asm.place(lower);
        search(ranges, first, middle - 1);
        asm.place(upper);
        search(ranges, middle, last);
    }

    private Target leaf(List<SeccompFilter.Rule> rules) {
        for (Leaf leaf : leaves) {
            if (NumberRanges.sameRules(leaf.rules(), rules)) {
                return leaf.label();
            }
        }
        Target label = asm.label();
        leaves.add(new Leaf(rules, label));
        return label;
    }

    /** Each leaf: its rules in order, then the default action. */
    private void leaves(int fallback) {
        for (Leaf leaf : leaves) {
            asm.place(leaf.label());
            for (SeccompFilter.Rule rule : leaf.rules()) {
                Target next = asm.label();
                for (Condition condition : rule.conditions()) {
                    condition(condition, next);
                }
                asm.statement(Bpf.RET_K, returnValue(rule.action()));
                asm.place(next);
            }
            asm.statement(Bpf.RET_K, fallback);
        }
    }

    /** Falls through when the condition holds, jumps to {@code fail} when not. */
    private void condition(Condition c, Target fail) {
        Target pass = asm.label();
        int high = (int) (c.value() >>> 32);
        int low = (int) c.value();
        int i = c.index();
        Target next = Target.NEXT;
        switch (c.op()) {
            case EQ -> {
                word(Bpf.argHigh(i), Bpf.JMP_JEQ_K, high, next, fail);
                word(Bpf.argLow(i), Bpf.JMP_JEQ_K, low, next, fail);
            }
            case NE -> {
                word(Bpf.argHigh(i), Bpf.JMP_JEQ_K, high, next, pass);
                word(Bpf.argLow(i), Bpf.JMP_JEQ_K, low, fail, next);
            }
            case GT, GE -> {
                highWordDecides(i, high, pass, fail);
                word(Bpf.argLow(i), c.op() == SeccompFilter.Op.GT ? Bpf.JMP_JGT_K : Bpf.JMP_JGE_K, low, next, fail);
            }
            case LT, LE -> {
                highWordDecides(i, high, fail, pass);
                word(Bpf.argLow(i), c.op() == SeccompFilter.Op.LT ? Bpf.JMP_JGE_K : Bpf.JMP_JGT_K, low, fail, next);
            }
            case MASKED_EQ -> {
                masked(Bpf.argHigh(i), (int) (c.value() >>> 32), (int) (c.valueTwo() >>> 32), fail);
                masked(Bpf.argLow(i), (int) c.value(), (int) c.valueTwo(), fail);
            }
        }
        asm.place(pass);
    }

    /** High word above the value's: {@code above}; below it: {@code below}; equal: fall through to the low word. */
    private void highWordDecides(int index, int high, Target above, Target below) {
        asm.statement(Bpf.LD_W_ABS, Bpf.argHigh(index));
        asm.jump(Bpf.JMP_JGT_K, high, above, Target.NEXT);
        asm.jump(Bpf.JMP_JEQ_K, high, Target.NEXT, below);
    }

    private void word(int offset, int opcode, int k, Target jt, Target jf) {
        asm.statement(Bpf.LD_W_ABS, offset);
        asm.jump(opcode, k, jt, jf);
    }

    private void masked(int offset, int mask, int datum, Target fail) {
        asm.statement(Bpf.LD_W_ABS, offset);
        asm.statement(Bpf.ALU_AND_K, mask);
        asm.jump(Bpf.JMP_JEQ_K, datum, Target.NEXT, fail);
    }
}
