package io.launcher.spi.conformance;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * {@code kit-syscall-i386 NR}: {@link SyscallProbe}'s program as a static 32-bit i386 binary of
 * 141 bytes (ELFCLASS32, EM_386), the kind of program Docker's default profile lets run on an
 * x86_64 host: the kernel runs it as a compat process, so every call it makes, exit_group
 * included, is an i386 call (AUDIT_ARCH_I386, i386 numbers). It makes call NR through
 * {@code int 0x80} with every argument zero and exits with the errno it got (0 on success).
 */
final class I386Probe {
    /** Where the probe lands in the kit's rootfs. */
    static final String PATH = "/bin/kit-syscall-i386";

    private static final int BASE = 0x08048000;
    private static final int ELF_HEADER = 52;
    private static final int PROGRAM_HEADER = 32;

    /** At the entry point esp holds argc, then argv; exit_group is 252 on i386. */
    private static final byte[] CODE = SyscallProbe.bytes(
            0x8b, 0x74, 0x24, 0x08,             // mov esi, [esp+8]      argv[1]
            0x31, 0xc0,                         // xor eax, eax
            0x0f, 0xb6, 0x0e,                   // next: movzx ecx, byte [esi]
            0x85, 0xc9,                         // test ecx, ecx
            0x74, 0x0a,                         // jz call
            0x6b, 0xc0, 0x0a,                   // imul eax, eax, 10
            0x8d, 0x44, 0x08, 0xd0,             // lea eax, [eax+ecx-'0']
            0x46,                               // inc esi
            0xeb, 0xef,                         // jmp next
            0x31, 0xdb,                         // call: xor ebx, ebx
            0x31, 0xc9,                         // xor ecx, ecx
            0x31, 0xd2,                         // xor edx, edx
            0x31, 0xf6,                         // xor esi, esi
            0x31, 0xff,                         // xor edi, edi
            0x31, 0xed,                         // xor ebp, ebp
            0xcd, 0x80,                         // int 0x80
            0x89, 0xc3,                         // mov ebx, eax
            0xf7, 0xdb,                         // neg ebx
            0x3d, 0x01, 0xf0, 0xff, 0xff,       // cmp eax, -4095
            0x73, 0x02,                         // jae out
            0x31, 0xdb,                         // xor ebx, ebx
            0xb8, 0xfc, 0x00, 0x00, 0x00,       // out: mov eax, 252    exit_group
            0xcd, 0x80);                        // int 0x80

    private I386Probe() {
    }

    static byte[] elf() {
        int size = ELF_HEADER + PROGRAM_HEADER + CODE.length;
        ByteBuffer elf = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        elf.put(SyscallProbe.bytes(0x7f, 'E', 'L', 'F', 1, 1, 1, 0)).putLong(0); // 32-bit, little endian, System V
        elf.putShort((short) 2).putShort((short) 3).putInt(1);         // ET_EXEC, EM_386, version
        elf.putInt(BASE + ELF_HEADER + PROGRAM_HEADER);                 // entry: the code after the headers
        elf.putInt(ELF_HEADER).putInt(0).putInt(0);                     // program headers, no sections, flags
        elf.putShort((short) ELF_HEADER).putShort((short) PROGRAM_HEADER).putShort((short) 1);
        elf.putShort((short) 0).putShort((short) 0).putShort((short) 0);
        elf.putInt(1).putInt(0).putInt(BASE).putInt(BASE);              // PT_LOAD, the whole file at BASE
        elf.putInt(size).putInt(size).putInt(5).putInt(0x1000);         // readable and executable
        elf.put(CODE);
        return elf.array();
    }
}
