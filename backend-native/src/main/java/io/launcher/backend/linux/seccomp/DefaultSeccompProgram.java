package io.launcher.backend.linux.seccomp;

import io.launcher.api.InvalidSpecException;
import io.launcher.spi.isolation.DefaultSeccompFilter;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Docker's default profile ({@link DefaultSeccompFilter}) compiled for a capability set, as the
 * spec file carries it. Compiling takes about a millisecond once the JIT has warmed up and tens
 * of milliseconds before: the program depends only on the capabilities, and containers mostly
 * share a handful of sets, so each set is compiled once.
 */
public final class DefaultSeccompProgram {
    /** Past this many sets (an API client trying every --cap-add), start over rather than grow. */
    private static final int MAX_SETS = 64;
    private static final Map<Set<String>, String> COMPILED = new ConcurrentHashMap<>();

    private DefaultSeccompProgram() {
    }

    /**
     * Compiles the program for {@code capabilities} on a thread of its own, so that the first
     * container of a new engine does not wait for the cold compile (tens of milliseconds before
     * the JIT); a start that comes first waits for it rather than compiling twice.
     */
    public static void prepare(Set<String> capabilities) {
        Thread thread = new Thread(() -> {
            try {
                encoded(capabilities);
            } catch (InvalidSpecException e) {
                // an architecture without a table: each start reports it
            }
        }, "seccomp-compile");
        thread.setDaemon(true);
        thread.start();
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
