package io.launcher.engine;

import io.launcher.spi.isolation.SeccompFilter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * A Docker/moby seccomp profile as read from its JSON ({@link SeccompProfileParser}), before its
 * {@code includes} and {@code excludes} are weighed against a container; {@link #resolve} does
 * that, the way dockerd does when it builds a container's OCI spec.
 */
record SeccompProfileDocument(SeccompFilter.Action defaultAction, List<String> architectures,
                              List<ArchMapping> archMap, List<Entry> syscalls) {

    /** {@code archMap}: an architecture and the ABIs that come with it (x86_64 brings x86 and x32). */
    record ArchMapping(String architecture, List<String> subArchitectures) {
    }

    /** {@code includes}/{@code excludes}: capabilities and Go architecture names ({@code amd64}); minKernel is ignored. */
    record Filter(List<String> caps, List<String> arches) {
        static final Filter NONE = new Filter(List.of(), List.of());
    }

    /** One element of {@code syscalls}. */
    record Entry(List<String> names, SeccompFilter.Action action, List<SeccompFilter.Condition> args,
                 Filter includes, Filter excludes) {
    }

    /**
     * The filter for a container that keeps {@code capabilities} (CAP_ names), on a host whose
     * Go architecture name is {@code goArch} and whose libseccomp name is {@code nativeArch}.
     * An entry is dropped when excludes names the host's architecture or any kept capability, or
     * when includes names architectures without the host's or capabilities not all kept. Rules
     * whose action is the default one are dropped (libseccomp ignores them). Several conditions
     * on one argument become one rule each (libseccomp cannot AND them; runc ORs them likewise).
     */
    SeccompFilter resolve(Set<String> capabilities, String goArch, String nativeArch) {
        List<SeccompFilter.Rule> rules = new ArrayList<>();
        for (Entry entry : syscalls) {
            if (!applies(entry, capabilities, goArch) || entry.action().equals(defaultAction) || entry.names().isEmpty()) {
                continue;
            }
            if (repeatsAnIndex(entry.args())) {
                entry.args().forEach(c -> rules.add(new SeccompFilter.Rule(entry.names(), entry.action(), List.of(c))));
            } else {
                rules.add(new SeccompFilter.Rule(entry.names(), entry.action(), entry.args()));
            }
        }
        return new SeccompFilter(defaultAction, resolvedArchitectures(nativeArch), rules);
    }

    private List<String> resolvedArchitectures(String nativeArch) {
        if (archMap.isEmpty()) {
            return architectures;
        }
        List<String> result = new ArrayList<>();
        for (ArchMapping mapping : archMap) {
            if (mapping.architecture().equals(nativeArch)) {
                result.add(mapping.architecture());
                result.addAll(mapping.subArchitectures());
            }
        }
        return result;
    }

    private static boolean applies(Entry entry, Set<String> capabilities, String goArch) {
        if (entry.excludes().arches().contains(goArch) || anyKept(entry.excludes().caps(), capabilities)) {
            return false;
        }
        if (!entry.includes().arches().isEmpty() && !entry.includes().arches().contains(goArch)) {
            return false;
        }
        return entry.includes().caps().stream().allMatch(capabilities::contains);
    }

    private static boolean anyKept(Collection<String> caps, Set<String> capabilities) {
        return caps.stream().anyMatch(capabilities::contains);
    }

    private static boolean repeatsAnIndex(List<SeccompFilter.Condition> args) {
        return args.stream().map(SeccompFilter.Condition::index).distinct().count() < args.size();
    }
}
