package io.launcher.backend.lxc.config;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** The space-separated capability lists of {@code lxc.cap.keep} and {@code lxc.cap.drop}. */
final class Capabilities {
    private Capabilities() {
    }

    static String render(Set<Capability> capabilities) {
        return (capabilities.isEmpty() ? EnumSet.noneOf(Capability.class) : EnumSet.copyOf(capabilities)).stream().map(Capability::token).collect(Collectors.joining(" "));
    }

    static Set<Capability> parse(String value) {
        Set<Capability> set = EnumSet.noneOf(Capability.class);
        for (String token : value.trim().split("\\s+")) {
            set.add(Capability.of(token));
        }
        return set;
    }
}
