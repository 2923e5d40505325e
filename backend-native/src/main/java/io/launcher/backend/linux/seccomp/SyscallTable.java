package io.launcher.backend.linux.seccomp;

import io.launcher.api.InvalidSpecException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The system call numbers of one architecture by name, and what its filter checks first:
 * {@code seccomp_data.arch} and, on x86_64, the x32 bit. Each table is a resource ("name
 * number" a line, '#' a comment): {@code x86_64.syscalls} from the kernel's
 * {@code asm/unistd_64.h}, {@code aarch64.syscalls} from the generic {@code asm-generic/unistd.h}
 * that arm64 uses; both extended to the calls of 6.17. The numbers are the kernel's ABI: they
 * never change once a call exists.
 */
public enum SyscallTable {
    X86_64("x86_64.syscalls", Bpf.AUDIT_ARCH_X86_64, true),
    AARCH64("aarch64.syscalls", Bpf.AUDIT_ARCH_AARCH64, false);

    private final String resource;
    private final int auditArch;
    private final boolean x32;
    private volatile Map<String, Integer> numbers;

    SyscallTable(String resource, int auditArch, boolean x32) {
        this.resource = resource;
        this.auditArch = auditArch;
        this.x32 = x32;
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

    /** The call's number, or empty when this architecture has no call of that name. */
    public OptionalInt number(String name) {
        Integer number = numbers().get(name);
        return number == null ? OptionalInt.empty() : OptionalInt.of(number);
    }

    /** {@code AUDIT_ARCH_*}: what {@code seccomp_data.arch} reads for a call of this ABI. */
    int auditArch() {
        return auditArch;
    }

    /** Whether a second ABI shares the architecture's audit value, told apart by {@code __X32_SYSCALL_BIT}. */
    boolean hasX32() {
        return x32;
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
