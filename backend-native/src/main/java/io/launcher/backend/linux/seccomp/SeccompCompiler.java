package io.launcher.backend.linux.seccomp;

import io.launcher.api.InvalidSpecException;
import io.launcher.backend.linux.seccomp.BpfAssembler.Target;
import io.launcher.spi.isolation.SeccompFilter;
import io.launcher.spi.isolation.SeccompFilter.Action;
import io.launcher.spi.isolation.SeccompFilter.Condition;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Compiles a seccomp filter (a custom profile, or Docker's default profile from
 * {@code DefaultSeccompFilter}) to the classic BPF program the shim installs. The program, in order:
 * <ol>
 *   <li>the ABI of the call ({@link SyscallTable#abis}): the host's (x86_64 or aarch64) and the
 *       compat ABIs the filter's architectures name (Docker's archMap: i386 and x32 on x86_64).
 *       A call of another ABI kills the process, except x32 left out, which fails with EPERM (its
 *       calls share x86_64's arch value and are told apart by {@code __X32_SYSCALL_BIT});</li>
 *   <li>per ABI, a binary search on the call number ({@link NumberRanges}), two instructions a
 *       level, to the number's rules: for each rule that names it, in the filter's order (names the
 *       ABI lacks are skipped, as Docker and libseccomp skip them), if every condition holds, the
 *       rule's action; none: the default action. Rules of different numbers never meet, so this
 *       keeps the filter's first-match order while a call walks about ten instructions;</li>
 *   <li>as runc does, unless the default action allows: a number above the highest the filter
 *       names in that ABI fails with ENOSYS instead of the default action, so that libc falls back
 *       from a call newer than the profile as it does from one newer than the kernel.</li>
 * </ol>
 * Rules run as shared code ("leaves") that every number and ABI with the same rules jumps to;
 * arguments are compared by {@link ArgumentTests}, 64-bit ones as two words.
 */
public final class SeccompCompiler {
    private static final int ENOSYS = 38;

    private final BpfAssembler asm = new BpfAssembler();
    private final ArgumentTests arguments = new ArgumentTests(asm);
    /** Each distinct list of rules a range runs, and where its code starts: ranges alike share it. */
    private final List<Leaf> leaves = new ArrayList<>();

    /** {@code wide}: the ABI's arguments are 64 bits (both words compared), else 32 (the low word). */
    private record Leaf(List<SeccompFilter.Rule> rules, boolean wide, Target label) {
    }

    private SeccompCompiler() {
    }

    /** The program for the host's architecture; refused on one without a table. */
    public static List<Bpf> compile(SeccompFilter filter) {
        return compile(filter, SyscallTable.host());
    }

    /** The program for host ABI {@code arch} and the compat ABIs the filter names: their numbers, their arch checks. */
    public static List<Bpf> compile(SeccompFilter filter, SyscallTable arch) {
        int fallback = returnValue(filter.defaultAction());
        boolean permissive = fallback == Bpf.RET_ALLOW || fallback == Bpf.RET_LOG;
        int above = permissive ? fallback : Bpf.RET_ERRNO | ENOSYS;
        SeccompCompiler compiler = new SeccompCompiler();
        List<SyscallTable> abis = arch.abis(filter.architectures());
        List<SyscallTable> others = new ArrayList<>();
        SyscallTable x32 = null;
        for (SyscallTable abi : abis.subList(1, abis.size())) {
            if (abi.auditArch() == arch.auditArch()) {
                x32 = abi;
            } else {
                others.add(abi);
            }
        }
        List<Target> sections = compiler.dispatch(arch, others);
        Target x32Section = compiler.numberOf(arch, x32);
        compiler.abi(filter, arch, fallback, above);
        if (x32 != null) {
            compiler.asm.place(x32Section);
            compiler.abi(filter, x32, fallback, above);
        }
        for (int i = 0; i < others.size(); i++) {
            compiler.asm.place(sections.get(i));
            compiler.asm.statement(Bpf.LD_W_ABS, Bpf.OFFSET_NR);
            compiler.abi(filter, others.get(i), fallback, above);
        }
        compiler.leaves(fallback);
        if (compiler.asm.size() > Bpf.MAX_INSTRUCTIONS) {
            throw new InvalidSpecException("seccomp profile too large: " + compiler.asm.size()
                    + " BPF instructions, the kernel takes at most " + Bpf.MAX_INSTRUCTIONS);
        }
        return compiler.asm.assemble();
    }

    /** The search of one ABI's numbers, entered with the call number in the accumulator. */
    private void abi(SeccompFilter filter, SyscallTable abi, int fallback, int above) {
        NumberRanges ranges = NumberRanges.of(rulesByNumber(filter, abi), fallback, above);
        search(ranges, 0, ranges.size() - 1, abi.wideArguments());
    }

    /** Each number of {@code arch} the filter names, ascending, with the rules naming it in the filter's order. */
    private static Map<Integer, List<SeccompFilter.Rule>> rulesByNumber(SeccompFilter filter, SyscallTable arch) {
        // hashed while filling (a few hundred names per ABI, three ABIs), sorted once at the end:
        // a TreeMap's balancing was half of the warm compile
        Map<Integer, List<SeccompFilter.Rule>> byNumber = new HashMap<>();
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
        int[] numbers = new int[byNumber.size()];
        int i = 0;
        for (int number : byNumber.keySet()) {
            numbers[i++] = number;
        }
        Arrays.sort(numbers);
        Map<Integer, List<SeccompFilter.Rule>> ascending = new LinkedHashMap<>();
        for (int number : numbers) {
            ascending.put(number, byNumber.get(number));
        }
        return ascending;
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

    /**
     * The arch check: the host's arch value goes on (one comparison, as with no compat ABI), each
     * other ABI's jumps to its section (returned, in order, to be placed), anything else is killed.
     */
    private List<Target> dispatch(SyscallTable host, List<SyscallTable> others) {
        List<Target> sections = new ArrayList<>();
        Target hostSection = asm.label();
        asm.statement(Bpf.LD_W_ABS, Bpf.OFFSET_ARCH);
        asm.jump(Bpf.JMP_JEQ_K, host.auditArch(), hostSection, Target.NEXT);
        for (SyscallTable other : others) {
            Target notThis = asm.label();
            Target section = asm.label();
            asm.jump(Bpf.JMP_JEQ_K, other.auditArch(), Target.NEXT, notThis);
            asm.jumpAlways(section);
            asm.place(notThis);
            sections.add(section);
        }
        asm.statement(Bpf.RET_K, Bpf.RET_KILL_PROCESS);
        asm.place(hostSection);
        return sections;
    }

    /**
     * Leaves the call number in the accumulator. On x86_64 a number with the x32 bit goes to the
     * returned label when the filter covers x32 ({@code x32} not null), else fails with EPERM:
     * the host's rules name the host's numbers and must not be side-stepped.
     */
    private Target numberOf(SyscallTable host, SyscallTable x32) {
        asm.statement(Bpf.LD_W_ABS, Bpf.OFFSET_NR);
        Target x32Section = asm.label();
        if (host == SyscallTable.X86_64) {
            Target notX32 = asm.label();
            asm.jump(Bpf.JMP_JGE_K, Bpf.X32_SYSCALL_BIT, Target.NEXT, notX32);
            if (x32 != null) {
                asm.jumpAlways(x32Section);
            } else {
                asm.statement(Bpf.RET_K, Bpf.RET_ERRNO | 1);
            }
            asm.place(notX32);
        }
        return x32Section;
    }

    /**
     * Ranges {@code first..last}: the upper half is reached through a {@code BPF_JA} (any
     * distance), the lower half follows; a single range returns at once or jumps to its leaf.
     */
    private void search(NumberRanges ranges, int first, int last, boolean wide) {
        if (first == last) {
            NumberRanges.Range range = ranges.get(first);
            if (range.immediate()) {
                asm.statement(Bpf.RET_K, range.returnValue());
            } else {
                asm.jumpAlways(leaf(range.rules(), wide));
            }
            return;
        }
        int middle = (first + last + 1) / 2;
        Target upper = asm.label();
        Target lower = asm.label();
        asm.jump(Bpf.JMP_JGE_K, ranges.get(middle).from(), Target.NEXT, lower);
        asm.jumpAlways(upper);
        asm.place(lower);
        search(ranges, first, middle - 1, wide);
        asm.place(upper);
        search(ranges, middle, last, wide);
    }

    private Target leaf(List<SeccompFilter.Rule> rules, boolean wide) {
        for (Leaf leaf : leaves) {
            if (leaf.wide() == wide && NumberRanges.sameRules(leaf.rules(), rules)) {
                return leaf.label();
            }
        }
        Target label = asm.label();
        leaves.add(new Leaf(rules, wide, label));
        return label;
    }

    /** Each leaf: its rules in order, then the default action. */
    private void leaves(int fallback) {
        for (Leaf leaf : leaves) {
            asm.place(leaf.label());
            for (SeccompFilter.Rule rule : leaf.rules()) {
                Target next = asm.label();
                for (Condition condition : rule.conditions()) {
                    arguments.test(condition, leaf.wide(), next);
                }
                asm.statement(Bpf.RET_K, returnValue(rule.action()));
                asm.place(next);
            }
            asm.statement(Bpf.RET_K, fallback);
        }
    }
}
