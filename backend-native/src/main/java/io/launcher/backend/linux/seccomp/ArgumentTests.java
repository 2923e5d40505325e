package io.launcher.backend.linux.seccomp;

import io.launcher.backend.linux.seccomp.BpfAssembler.Target;
import io.launcher.spi.isolation.SeccompFilter;
import io.launcher.spi.isolation.SeccompFilter.Condition;

/**
 * One rule's argument test in classic BPF, which loads 32 bits at a time. A 64-bit ABI's
 * argument is two words: the high words decide unless they are equal, then the low words do. A
 * 32-bit ABI's argument (i386, x32) is its low word alone, compared as libseccomp's unsigned
 * 64-bit comparison would compare that word zero-extended: a value with high bits set is then
 * decided at compile time (never equal, always below), and the high word of {@code seccomp_data},
 * which the call never sees, is not read.
 */
final class ArgumentTests {
    private final BpfAssembler asm;

    ArgumentTests(BpfAssembler asm) {
        this.asm = asm;
    }

    /** Falls through when the condition holds, jumps to {@code fail} when not. */
    void test(Condition c, boolean wide, Target fail) {
        if (wide) {
            wide(c, fail);
        } else {
            narrow(c, fail);
        }
    }

    private void wide(Condition c, Target fail) {
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

    /** The argument's high word is zero: a value whose high word is not decides without a load. */
    private void narrow(Condition c, Target fail) {
        boolean highValue = c.value() >>> 32 != 0;
        int low = (int) c.value();
        int offset = Bpf.argLow(c.index());
        Target next = Target.NEXT;
        switch (c.op()) {
            case EQ -> {
                if (highValue) {
                    asm.jumpAlways(fail);
                } else {
                    word(offset, Bpf.JMP_JEQ_K, low, next, fail);
                }
            }
            case NE -> {
                if (!highValue) {
                    word(offset, Bpf.JMP_JEQ_K, low, fail, next);
                }
            }
            case GT, GE -> {
                if (highValue) {
                    asm.jumpAlways(fail);
                } else {
                    word(offset, c.op() == SeccompFilter.Op.GT ? Bpf.JMP_JGT_K : Bpf.JMP_JGE_K, low, next, fail);
                }
            }
            case LT, LE -> {
                if (!highValue) {
                    word(offset, c.op() == SeccompFilter.Op.LT ? Bpf.JMP_JGE_K : Bpf.JMP_JGT_K, low, fail, next);
                }
            }
            case MASKED_EQ -> {
                if (c.valueTwo() >>> 32 != 0) {
                    asm.jumpAlways(fail); // no bit of a zero high word equals a datum with high bits
                } else {
                    masked(offset, (int) c.value(), (int) c.valueTwo(), fail);
                }
            }
        }
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
