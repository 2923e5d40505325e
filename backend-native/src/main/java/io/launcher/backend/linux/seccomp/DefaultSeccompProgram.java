package io.launcher.backend.linux.seccomp;

import io.launcher.spi.isolation.DefaultSeccompFilter;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Docker's default profile ({@link DefaultSeccompFilter}) compiled for a capability set, as the
 * spec file carries it. Compiling takes a few hundred microseconds once the JIT has warmed up
 * and more before, on every start: the program depends only on the capabilities, and
 * containers mostly share a handful of sets, so each set is compiled once.
 */
public final class DefaultSeccompProgram {
    /** Past this many sets (an API client trying every --cap-add), start over rather than grow. */
    private static final int MAX_SETS = 64;
    private static final Map<Set<String>, String> COMPILED = new ConcurrentHashMap<>();

    private DefaultSeccompProgram() {
    }

    /** The encoded program ({@link Bpf#encode}) for a container that keeps {@code capabilities}. */
    public static String encoded(Set<String> capabilities) {
        if (COMPILED.size() >= MAX_SETS) {
            COMPILED.clear();
        }
        return COMPILED.computeIfAbsent(Set.copyOf(capabilities),
                caps -> Bpf.encode(SeccompCompiler.compile(DefaultSeccompFilter.forCapabilities(caps))));
    }
}
