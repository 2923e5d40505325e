package io.launcher.backend.linux.seccomp;

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
 * x86_64 system call numbers by name: the resource {@code x86_64.syscalls} ("name number" a
 * line), taken from the kernel's {@code asm/unistd_64.h} and extended to the calls of 6.17.
 * The numbers are the kernel's ABI: they never change once a call exists.
 */
public final class SyscallTable {
    private static final Map<String, Integer> X86_64 = load("x86_64.syscalls");

    private SyscallTable() {
    }

    /** The call's number, or empty when x86_64 has no call of that name. */
    public static OptionalInt x86_64(String name) {
        Integer number = X86_64.get(name);
        return number == null ? OptionalInt.empty() : OptionalInt.of(number);
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
                if (fields.length == 2) {
                    table.put(fields[0], Integer.parseInt(fields[1]));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("unable to read " + resource, e);
        }
        return Map.copyOf(table);
    }
}
