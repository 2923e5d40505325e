package io.launcher.backend.linux.seccomp;

import java.util.List;

/** Runs a classic BPF seccomp program over one {@code struct seccomp_data}, as the kernel would (the opcodes the compiler emits). */
final class BpfInterpreter {
    private BpfInterpreter() {
    }

    static int run(List<Bpf> program, int arch, int nr, long... args) {
        int a = 0;
        int pc = 0;
        while (true) {
            Bpf insn = program.get(pc);
            switch (insn.code()) {
                case Bpf.LD_W_ABS -> a = load(insn.k(), arch, nr, args);
                case Bpf.ALU_AND_K -> a &= insn.k();
                case Bpf.RET_K -> {
                    return insn.k();
                }
                case Bpf.JMP_JA -> pc += insn.k();
                case Bpf.JMP_JEQ_K -> pc += a == insn.k() ? insn.jt() : insn.jf();
                case Bpf.JMP_JGT_K -> pc += Integer.compareUnsigned(a, insn.k()) > 0 ? insn.jt() : insn.jf();
                case Bpf.JMP_JGE_K -> pc += Integer.compareUnsigned(a, insn.k()) >= 0 ? insn.jt() : insn.jf();
                default -> throw new IllegalStateException("unexpected opcode " + insn.code());
            }
            pc++;
        }
    }

    private static int load(int offset, int arch, int nr, long[] args) {
        if (offset == Bpf.OFFSET_NR) {
            return nr;
        }
        if (offset == Bpf.OFFSET_ARCH) {
            return arch;
        }
        int index = (offset - Bpf.OFFSET_ARGS) / 8;
        long arg = index < args.length ? args[index] : 0;
        return (offset - Bpf.OFFSET_ARGS) % 8 == 0 ? (int) arg : (int) (arg >>> 32);
    }
}
