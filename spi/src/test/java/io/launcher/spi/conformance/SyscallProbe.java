package io.launcher.spi.conformance;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * {@code kit-syscall NR}: a static x86_64 program of 186 bytes, written here, that makes system
 * call NR with every argument zero and exits with the errno it got (0 on success), so a case can
 * ask the filter about a call busybox never makes, or about a number no call has (an x32 call is
 * NR with {@code __X32_SYSCALL_BIT}, 1073741824, added). {@code kit-syscall-int80 NR} makes the
 * same call through {@code int 0x80}, the i386 ABI (its numbers, AUDIT_ARCH_I386), from a 64-bit
 * process; {@link I386Probe} is a 32-bit binary that does it. No compiler is needed where the kit
 * runs: the ELF header, one loadable segment and the machine code are below (checked against
 * gcc's assembler and objdump when written).
 */
final class SyscallProbe {
    /** Where the probe lands in the kit's rootfs. */
    static final String PATH = "/bin/kit-syscall";
    /** The {@code int 0x80} probe. */
    static final String PATH_INT80 = "/bin/kit-syscall-int80";
    /** The code is x86_64's. */
    static final boolean SUPPORTED = "amd64".equals(System.getProperty("os.arch"));

    private static final long BASE = 0x400000L;
    private static final int ELF_HEADER = 64;
    private static final int PROGRAM_HEADER = 56;

    /**
     * The program, at the entry point (rsp holds argc, then argv): parse argv[1] in decimal into
     * eax, then {@link #SYSCALL} or {@link #INT80}, then {@link #EXIT}.
     */
    private static final byte[] PARSE = bytes(
            0x48, 0x8b, 0x74, 0x24, 0x10,       // mov rsi, [rsp+16]      argv[1]
            0x31, 0xc0,                         // xor eax, eax
            0x0f, 0xb6, 0x0e,                   // next: movzx ecx, byte [rsi]
            0x85, 0xc9,                         // test ecx, ecx
            0x74, 0x0c,                         // jz call
            0x6b, 0xc0, 0x0a,                   // imul eax, eax, 10
            0x8d, 0x44, 0x08, 0xd0,             // lea eax, [rax+rcx-'0']
            0x48, 0xff, 0xc6,                   // inc rsi
            0xeb, 0xed);                        // jmp next

    /** Zero rdi, rsi, rdx, r10, r8, r9; syscall. */
    private static final byte[] SYSCALL = bytes(
            0x31, 0xff,                         // call: xor edi, edi
            0x31, 0xf6,                         // xor esi, esi
            0x31, 0xd2,                         // xor edx, edx
            0x45, 0x31, 0xd2,                   // xor r10d, r10d
            0x45, 0x31, 0xc0,                   // xor r8d, r8d
            0x45, 0x31, 0xc9,                   // xor r9d, r9d
            0x0f, 0x05);                        // syscall

    /** Zero ebx, ecx, edx, esi, edi, ebp (i386's argument registers); int 0x80; its 32-bit result sign-extended. */
    private static final byte[] INT80 = bytes(
            0x31, 0xdb,                         // call: xor ebx, ebx
            0x31, 0xc9,                         // xor ecx, ecx
            0x31, 0xd2,                         // xor edx, edx
            0x31, 0xf6,                         // xor esi, esi
            0x31, 0xff,                         // xor edi, edi
            0x31, 0xed,                         // xor ebp, ebp
            0xcd, 0x80,                         // int 0x80
            0x48, 0x63, 0xc0);                  // movsxd rax, eax

    /** exit_group (x86_64's) with -rax when rax is an error (-4095..-1), else 0. */
    private static final byte[] EXIT = bytes(
            0x48, 0x89, 0xc7,                   // mov rdi, rax
            0x48, 0xf7, 0xdf,                   // neg rdi
            0x48, 0x3d, 0x01, 0xf0, 0xff, 0xff, // cmp rax, -4095
            0x73, 0x02,                         // jae out
            0x31, 0xff,                         // xor edi, edi
            0xb8, 0xe7, 0x00, 0x00, 0x00,       // out: mov eax, 231    exit_group
            0x0f, 0x05);                        // syscall

    private SyscallProbe() {
    }

    /** Writes both probes into {@code rootfs}, executable by anyone. */
    static void install(Path rootfs) throws IOException {
        write(rootfs.resolve(PATH.substring(1)), elf(SYSCALL));
        write(rootfs.resolve(PATH_INT80.substring(1)), elf(INT80));
        write(rootfs.resolve(I386Probe.PATH.substring(1)), I386Probe.elf());
    }

    static void write(Path target, byte[] elf) throws IOException {
        Files.write(target, elf);
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    static byte[] elf(byte[] call) {
        byte[] code = ByteBuffer.allocate(PARSE.length + call.length + EXIT.length).put(PARSE).put(call).put(EXIT).array();
        int size = ELF_HEADER + PROGRAM_HEADER + code.length;
        ByteBuffer elf = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        elf.put(bytes(0x7f, 'E', 'L', 'F', 2, 1, 1, 0)).putLong(0);   // 64-bit, little endian, System V
        elf.putShort((short) 2).putShort((short) 0x3e).putInt(1);      // ET_EXEC, EM_X86_64, version
        elf.putLong(BASE + ELF_HEADER + PROGRAM_HEADER);                // entry: the code after the headers
        elf.putLong(ELF_HEADER).putLong(0).putInt(0);                   // program headers, no sections, flags
        elf.putShort((short) ELF_HEADER).putShort((short) PROGRAM_HEADER).putShort((short) 1);
        elf.putShort((short) 0).putShort((short) 0).putShort((short) 0);
        elf.putInt(1).putInt(5);                                        // PT_LOAD, readable and executable
        elf.putLong(0).putLong(BASE).putLong(BASE);                     // the whole file at BASE
        elf.putLong(size).putLong(size).putLong(0x1000);
        elf.put(code);
        return elf.array();
    }

    static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }
}
