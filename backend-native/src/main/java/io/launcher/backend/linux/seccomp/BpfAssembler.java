package io.launcher.backend.linux.seccomp;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a classic BPF program with forward jumps to named labels, resolved to the relative
 * offsets the kernel wants once every label is placed. A conditional jump reaches at most 255
 * instructions ahead, so the compiler keeps its blocks short and goes further with
 * {@link #jumpAlways}, whose 32-bit offset reaches any instruction.
 */
final class BpfAssembler {
    /** A jump target: the next instruction, or a label placed later. */
    record Target(int label) {
        static final Target NEXT = new Target(-1);
    }

    /** {@code always}: a {@code BPF_JA} whose k is the offset to that label; else {@code Target.NEXT}. */
    private record Pending(int code, Target jt, Target jf, int k, Target always) {
    }

    private final List<Pending> code = new ArrayList<>();
    private final Map<Integer, Integer> placed = new HashMap<>();
    private int labels;

    Target label() {
        return new Target(labels++);
    }

    void place(Target label) {
        placed.put(label.label(), code.size());
    }

    void statement(int opcode, int k) {
        code.add(new Pending(opcode, Target.NEXT, Target.NEXT, k, Target.NEXT));
    }

    void jump(int opcode, int k, Target jt, Target jf) {
        code.add(new Pending(opcode, jt, jf, k, Target.NEXT));
    }

    void jumpAlways(Target target) {
        code.add(new Pending(Bpf.JMP_JA, Target.NEXT, Target.NEXT, 0, target));
    }

    int size() {
        return code.size();
    }

    List<Bpf> assemble() {
        List<Bpf> program = new ArrayList<>(code.size());
        for (int i = 0; i < code.size(); i++) {
            Pending p = code.get(i);
            int k = p.always().label() < 0 ? p.k() : distance(i, p.always());
            program.add(new Bpf(p.code(), offset(i, p.jt()), offset(i, p.jf()), k));
        }
        return program;
    }

    private int offset(int from, Target target) {
        if (target.label() < 0) {
            return 0;
        }
        int offset = distance(from, target);
        if (offset > 255) {
            throw new IllegalStateException("BPF jump of " + offset + " instructions at " + from);
        }
        return offset;
    }

    /** How many instructions a jump at {@code from} skips to reach {@code target}. */
    private int distance(int from, Target target) {
        Integer at = placed.get(target.label());
        if (at == null || at <= from) {
            throw new IllegalStateException("BPF label " + target.label() + " is not placed after instruction " + from);
        }
        return at - from - 1;
    }
}
