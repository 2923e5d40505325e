package io.launcher.backend.linux.seccomp;

/**
 * One classic BPF instruction ({@code struct sock_filter}) and the opcodes and seccomp constants
 * the compiler uses, as the kernel's {@code linux/filter.h}, {@code linux/seccomp.h} and
 * {@code linux/audit.h} define them. Jumps are unsigned 32-bit comparisons of the accumulator.
 */
public record Bpf(int code, int jt, int jf, int k) {
    static final int LD_W_ABS = 0x20;
    static final int ALU_AND_K = 0x54;
    static final int JMP_JA = 0x05;
    static final int JMP_JEQ_K = 0x15;
    static final int JMP_JGT_K = 0x25;
    static final int JMP_JGE_K = 0x35;
    static final int RET_K = 0x06;

    static final int RET_KILL_PROCESS = 0x80000000;
    static final int RET_KILL_THREAD = 0x00000000;
    static final int RET_TRAP = 0x00030000;
    static final int RET_ERRNO = 0x00050000;
    static final int RET_LOG = 0x7ffc0000;
    static final int RET_ALLOW = 0x7fff0000;

    static final int AUDIT_ARCH_X86_64 = 0xc000003e;
    /** EM_AARCH64 (183), 64-bit, little endian. */
    static final int AUDIT_ARCH_AARCH64 = 0xc00000b7;
    /** EM_386 (3), 32-bit, little endian: an {@code int 0x80} call (or a 32-bit process) on x86_64. */
    static final int AUDIT_ARCH_I386 = 0x40000003;
    /** EM_ARM (40), 32-bit, little endian: an arm EABI process on an arm64 kernel. */
    static final int AUDIT_ARCH_ARM = 0x40000028;
    static final int X32_SYSCALL_BIT = 0x40000000;

    /** {@code struct seccomp_data}: nr, arch, instruction pointer, then six 64-bit arguments. */
    static final int OFFSET_NR = 0;
    static final int OFFSET_ARCH = 4;
    static final int OFFSET_ARGS = 16;

    /** The largest program the kernel accepts (BPF_MAXINSNS). */
    public static final int MAX_INSTRUCTIONS = 4096;

    public Bpf {
        if (jt < 0 || jt > 255 || jf < 0 || jf > 255) {
            throw new IllegalArgumentException("a BPF jump reaches at most 255 instructions");
        }
    }

    /**
     * The program as the spec file carries it (spec.c's {@code seccomp program} record): per
     * instruction 16 hex digits, code (4), jt (2), jf (2), k (8), most significant first.
     */
    public static String encode(java.util.List<Bpf> program) {
        StringBuilder hex = new StringBuilder(program.size() * 16);
        for (Bpf insn : program) {
            // by hand: String.format costs milliseconds on a cold path, and this is one per start
            digits(hex, insn.code(), 4);
            digits(hex, insn.jt(), 2);
            digits(hex, insn.jf(), 2);
            digits(hex, insn.k(), 8);
        }
        return hex.toString();
    }

    private static void digits(StringBuilder out, int value, int count) {
        for (int shift = 4 * (count - 1); shift >= 0; shift -= 4) {
            out.append(Character.forDigit((value >>> shift) & 0xf, 16));
        }
    }

    /** Where the low 32 bits of argument {@code index} are: x86_64 and aarch64 (as Linux runs it) are little endian. */
    static int argLow(int index) {
        return OFFSET_ARGS + 8 * index;
    }

    static int argHigh(int index) {
        return argLow(index) + 4;
    }
}
