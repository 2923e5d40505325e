package io.launcher.backend.linux.seccomp;

import io.launcher.api.InvalidSpecException;
import io.launcher.backend.linux.seccomp.BpfAssembler.Target;
import io.launcher.spi.isolation.SeccompFilter;
import io.launcher.spi.isolation.SeccompFilter.Action;
import io.launcher.spi.isolation.SeccompFilter.Condition;
import java.util.List;
import java.util.OptionalInt;

/**
 * Compiles a custom profile ({@link SeccompFilter}) to the classic BPF program the shim installs
 * instead of its built-in default filter. The program, in order:
 * <ol>
 *   <li>a call of another ABI than x86_64 (i386 through {@code int 0x80}) kills the process, and
 *       an x32 call (its number carries {@code __X32_SYSCALL_BIT}) fails with EPERM, as the
 *       default filter does: the rules name x86_64 numbers and must not be side-stepped;</li>
 *   <li>for each rule in order, for each of its names known on x86_64 (others are skipped, as
 *       Docker skips them): if the number matches and every condition holds, the rule's action;</li>
 *   <li>the default action.</li>
 * </ol>
 * A condition compares the 64-bit argument as two 32-bit words (classic BPF loads 32 bits): the
 * high words decide unless they are equal, then the low words do.
 */
public final class SeccompCompiler {
    private final BpfAssembler asm = new BpfAssembler();
    /** whether the accumulator holds the call number at this point of the program */
    private boolean numberLoaded;

    private SeccompCompiler() {
    }

    public static List<Bpf> compile(SeccompFilter filter) {
        if (!"amd64".equals(System.getProperty("os.arch"))) {
            // the arch check and the numbers are x86_64's: elsewhere the program would kill every process
            throw new InvalidSpecException("custom seccomp profiles are supported on x86_64 only, not on "
                    + System.getProperty("os.arch"));
        }
        SeccompCompiler compiler = new SeccompCompiler();
        compiler.preamble();
        for (SeccompFilter.Rule rule : filter.rules()) {
            for (String name : rule.names()) {
                OptionalInt number = SyscallTable.x86_64(name);
                if (number.isPresent()) {
                    compiler.rule(number.getAsInt(), rule);
                }
            }
        }
        compiler.asm.statement(Bpf.RET_K, returnValue(filter.defaultAction()));
        if (compiler.asm.size() > Bpf.MAX_INSTRUCTIONS) {
            throw new InvalidSpecException("seccomp profile too large: " + compiler.asm.size()
                    + " BPF instructions, the kernel takes at most " + Bpf.MAX_INSTRUCTIONS);
        }
        return compiler.asm.assemble();
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

    private void preamble() {
        Target native64 = asm.label();
        Target notX32 = asm.label();
        asm.statement(Bpf.LD_W_ABS, Bpf.OFFSET_ARCH);
        asm.jump(Bpf.JMP_JEQ_K, Bpf.AUDIT_ARCH_X86_64, native64, Target.NEXT);
        asm.statement(Bpf.RET_K, Bpf.RET_KILL_PROCESS);
        asm.place(native64);
        asm.statement(Bpf.LD_W_ABS, Bpf.OFFSET_NR);
        asm.jump(Bpf.JMP_JGE_K, Bpf.X32_SYSCALL_BIT, Target.NEXT, notX32);
        asm.statement(Bpf.RET_K, Bpf.RET_ERRNO | 1);
        asm.place(notX32);
        numberLoaded = true;
    }

    private void rule(int number, SeccompFilter.Rule rule) {
        Target next = asm.label();
        if (!numberLoaded) {
            asm.statement(Bpf.LD_W_ABS, Bpf.OFFSET_NR);
        }
        asm.jump(Bpf.JMP_JEQ_K, number, Target.NEXT, next);
        for (Condition condition : rule.conditions()) {
            condition(condition, next);
        }
        asm.statement(Bpf.RET_K, returnValue(rule.action()));
        asm.place(next);
        numberLoaded = rule.conditions().isEmpty();
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
