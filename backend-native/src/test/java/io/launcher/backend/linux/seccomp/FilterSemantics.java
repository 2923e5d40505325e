package io.launcher.backend.linux.seccomp;

import io.launcher.spi.isolation.SeccompFilter;
import io.launcher.spi.isolation.SeccompFilter.Condition;
import java.util.OptionalInt;

/**
 * What a filter means for one call of an architecture whose first argument is {@code arg}, read plainly from
 * its rules (first match in order, then the default; above the highest named number ENOSYS
 * unless the default allows): the reference the compiled program is checked against.
 */
final class FilterSemantics {
    private FilterSemantics() {
    }

    static int expected(SeccompFilter filter, int nr, long arg) {
        return expected(filter, SyscallTable.X86_64, nr, arg);
    }

    /** For a 32-bit ABI the call sees the argument's low word only: that word, zero-extended, is what is compared. */
    static int expected(SeccompFilter filter, SyscallTable arch, int nr, long arg) {
        long seen = arch.wideArguments() ? arg : arg & 0xffffffffL;
        int highest = -1;
        for (SeccompFilter.Rule rule : filter.rules()) {
            for (String name : rule.names()) {
                OptionalInt number = arch.number(name);
                highest = Math.max(highest, number.orElse(-1));
                if (number.orElse(-1) == nr && rule.conditions().stream().allMatch(c -> holds(c, seen))) {
                    return SeccompCompiler.returnValue(rule.action());
                }
            }
        }
        int fallback = SeccompCompiler.returnValue(filter.defaultAction());
        boolean permissive = fallback == Bpf.RET_ALLOW || fallback == Bpf.RET_LOG;
        return !permissive && highest >= 0 && nr > highest ? Bpf.RET_ERRNO | 38 : fallback;
    }

    /** Conditions here test the first argument only; the others are zero. */
    private static boolean holds(Condition c, long arg) {
        return holds(c.op(), c.index() == 0 ? arg : 0, c.value(), c.valueTwo());
    }

    /** What libseccomp's comparison means: unsigned 64-bit, masked equality on the mask's bits. */
    static boolean holds(SeccompFilter.Op op, long arg, long value, long valueTwo) {
        int cmp = Long.compareUnsigned(arg, value);
        return switch (op) {
            case EQ -> cmp == 0;
            case NE -> cmp != 0;
            case LT -> cmp < 0;
            case LE -> cmp <= 0;
            case GT -> cmp > 0;
            case GE -> cmp >= 0;
            case MASKED_EQ -> (arg & value) == valueTwo;
        };
    }
}
