package io.launcher.backend.linux.seccomp;

import io.launcher.api.InvalidSpecException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The system call numbers of one ABI by name, and how a filter tells the ABI's calls apart:
 * {@code seccomp_data.arch} and, for x32, {@code __X32_SYSCALL_BIT} in the number. Each table is
 * a resource ("name number" a line, '#' a comment) generated from kernel headers:
 * {@code x86_64.syscalls} from {@code asm/unistd_64.h}, {@code i386.syscalls} from
 * {@code asm/unistd_32.h}, {@code x32.syscalls} from {@code asm/unistd_x32.h} (without the bit),
 * {@code aarch64.syscalls} from the generic {@code asm-generic/unistd.h} that arm64 uses,
 * {@code arm.syscalls} from arm's {@code asm/unistd-eabi.h} (Debian's armhf cross headers); all
 * extended to the calls of 6.17. The numbers are the kernel's ABI: they never change once a call
 * exists. A host ABI comes with the compat ABIs of Docker's archMap that its kernel runs (x86_64:
 * i386 through {@code int 0x80}, x32; aarch64: arm's EABI); a profile's {@code architectures}
 * choose among them.
 */
public enum SyscallTable {
    X86_64("x86_64.syscalls", "SCMP_ARCH_X86_64", Bpf.AUDIT_ARCH_X86_64, 0, true),
    I386("i386.syscalls", "SCMP_ARCH_X86", Bpf.AUDIT_ARCH_I386, 0, false),
    X32("x32.syscalls", "SCMP_ARCH_X32", Bpf.AUDIT_ARCH_X86_64, Bpf.X32_SYSCALL_BIT, false),
    AARCH64("aarch64.syscalls", "SCMP_ARCH_AARCH64", Bpf.AUDIT_ARCH_AARCH64, 0, true),
    ARM("arm.syscalls", "SCMP_ARCH_ARM", Bpf.AUDIT_ARCH_ARM, 0, false);

    private final String resource;
    private final String libseccompName;
    private final int auditArch;
    private final int numberBase;
    private final boolean wideArguments;
    private volatile Map<String, Integer> numbers;

    SyscallTable(String resource, String libseccompName, int auditArch, int numberBase, boolean wideArguments) {
        this.resource = resource;
        this.libseccompName = libseccompName;
        this.auditArch = auditArch;
        this.numberBase = numberBase;
        this.wideArguments = wideArguments;
    }

    /** The table of the architecture this JVM runs on (what the shim's processes call with). */
    public static SyscallTable host() {
        String arch = System.getProperty("os.arch");
        return switch (arch) {
            case "amd64", "x86_64" -> X86_64;
            case "aarch64" -> AARCH64;
            default -> throw new InvalidSpecException("seccomp profiles are compiled for x86_64 and aarch64 only, not for "
                    + arch + " (use --security-opt seccomp=unconfined)");
        };
    }

    /** The x86_64 number of a call, or empty when x86_64 has none of that name. */
    public static OptionalInt x86_64(String name) {
        return X86_64.number(name);
    }

    /**
     * The ABIs a filter for this host ABI covers: this one, then each compat ABI its kernel runs
     * that {@code architectures} (SCMP_ARCH_* names, Docker's archMap resolved) names. Names of
     * other hosts' ABIs are left out, as they can never reach this kernel.
     */
    public List<SyscallTable> abis(List<String> architectures) {
        List<SyscallTable> result = new ArrayList<>(List.of(this));
        List<SyscallTable> compat = switch (this) {
            case X86_64 -> List.of(I386, X32);
            case AARCH64 -> List.of(ARM);
            case I386, X32, ARM -> List.of();
        };
        for (SyscallTable abi : compat) {
            if (architectures.contains(abi.libseccompName)) {
                result.add(abi);
            }
        }
        return result;
    }

    /** The number {@code seccomp_data.nr} reads for the call, or empty when this ABI has no call of that name. */
    public OptionalInt number(String name) {
        Integer number = numbers().get(name);
        return number == null ? OptionalInt.empty() : OptionalInt.of(numberBase + number);
    }

    /** {@code AUDIT_ARCH_*}: what {@code seccomp_data.arch} reads for a call of this ABI. */
    int auditArch() {
        return auditArch;
    }

    /** Added to every number of the table: {@code __X32_SYSCALL_BIT} for x32, else 0. */
    int numberBase() {
        return numberBase;
    }

    /**
     * Whether arguments are 64 bits wide. A 32-bit ABI's argument is the low word alone: the
     * kernel truncates the register to 32 bits for the call, so the high word (which a 64-bit
     * process can fill before {@code int 0x80}) must not decide.
     */
    boolean wideArguments() {
        return wideArguments;
    }

    private Map<String, Integer> numbers() {
        Map<String, Integer> loaded = numbers;
        if (loaded == null) {
            // loaded on first use: a host needs only its own table
            loaded = load(resource);
            numbers = loaded;
        }
        return loaded;
    }

    private static Map<String, Integer> load(String resource) {
        Map<String, Integer> table = new HashMap<>();
        try (InputStream in = SyscallTable.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] fields = line.strip().split(" ");
                if (!line.startsWith("#") && fields.length == 2) {
                    table.put(fields[0], Integer.parseInt(fields[1]));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("unable to read " + resource, e);
        }
        return Map.copyOf(table);
    }
}
