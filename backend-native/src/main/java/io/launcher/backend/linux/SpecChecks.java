package io.launcher.backend.linux;

import io.launcher.api.InvalidSpecException;
import io.launcher.spi.Mount;
import io.launcher.spi.isolation.BindMount;
import io.launcher.spi.isolation.DeviceNode;
import io.launcher.spi.isolation.NetworkAttachment;
import io.launcher.spi.isolation.SandboxSpec;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The checks a spec passes before the first system call (runc's validator): each returns the
 * problem, or empty. The first problem is an {@link InvalidSpecException}.
 */
final class SpecChecks {
    private static final Set<String> ROOTFS_TYPES = Set.of("overlay", "bind");
    private static final int HOST_NAME_MAX = 64;

    private static final List<Function<SandboxSpec, Optional<String>>> CHECKS = List.of(
            SpecChecks::rootfs,
            SpecChecks::hostname,
            SpecChecks::binds,
            SpecChecks::network,
            SpecChecks::devices,
            spec -> spec.logFile() == null ? Optional.of("invalid spec: no log file") : Optional.empty());

    private SpecChecks() {
    }

    static void validate(SandboxSpec spec) {
        for (Function<SandboxSpec, Optional<String>> check : CHECKS) {
            check.apply(spec).ifPresent(problem -> {
                throw new InvalidSpecException(problem);
            });
        }
    }

    private static Optional<String> rootfs(SandboxSpec spec) {
        if (spec.rootfs().isEmpty()) {
            return Optional.of("invalid spec: no root filesystem mount");
        }
        if (spec.rootfs().size() > 16) {
            return Optional.of("invalid spec: more than 16 root filesystem mounts");
        }
        for (Mount mount : spec.rootfs()) {
            if (!ROOTFS_TYPES.contains(mount.type())) {
                return Optional.of("invalid rootfs mount type " + mount.type() + ": only overlay and bind are supported");
            }
        }
        return Optional.empty();
    }

    private static Optional<String> hostname(SandboxSpec spec) {
        String name = spec.hostname() == null ? "" : spec.hostname();
        if (name.length() > HOST_NAME_MAX || name.chars().anyMatch(c -> c <= ' ' || c == '/')) {
            return Optional.of("invalid hostname " + name);
        }
        return Optional.empty();
    }

    private static Optional<String> binds(SandboxSpec spec) {
        for (BindMount bind : spec.binds()) {
            String destination = bind.destination();
            if (!destination.startsWith("/") || List.of(destination.split("/")).contains("..")) {
                return Optional.of("invalid mount destination " + destination + ": it must be an absolute path without ..");
            }
            if (!Files.exists(bind.source())) {
                return Optional.of("invalid mount source " + bind.source() + ": no such file or directory");
            }
        }
        return Optional.empty();
    }

    /** The shim's limits, and paths it can make a node at. */
    private static Optional<String> devices(SandboxSpec spec) {
        if (spec.devices().size() > 256 || spec.deviceRules().size() > 256) {
            return Optional.of("invalid spec: more than 256 devices or device rules");
        }
        for (DeviceNode node : spec.devices()) {
            List<String> parts = List.of(node.path().split("/"));
            if (parts.contains("..") || node.path().endsWith("/") || node.path().equals("/")) {
                return Optional.of("invalid device path " + node.path() + ": it must name a file without ..");
            }
        }
        return Optional.empty();
    }

    private static Optional<String> network(SandboxSpec spec) {
        if (spec.network() instanceof NetworkAttachment.Join join && !Files.exists(join.namespace())) {
            return Optional.of("invalid network namespace " + join.namespace() + ": no such file");
        }
        return Optional.empty();
    }
}
