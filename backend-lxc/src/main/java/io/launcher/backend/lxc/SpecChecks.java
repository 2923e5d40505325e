package io.launcher.backend.lxc;

import io.launcher.api.InvalidSpecException;
import io.launcher.spi.Mount;
import io.launcher.spi.isolation.BindMount;
import io.launcher.spi.isolation.DeviceNode;
import io.launcher.spi.isolation.SandboxSpec;
import java.nio.file.Files;
import java.util.List;
import java.util.regex.Pattern;

/** Checks a whole spec before anything touches the host (runc's validator): one clear fault, no half-made container. */
final class SpecChecks {
    private static final Pattern HOSTNAME = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9.-]{0,62})?");
    private static final Pattern FS_TYPE = Pattern.compile("[a-z0-9_.]+");

    private SpecChecks() {
    }

    static void check(SandboxSpec spec) {
        if (spec.rootfs().isEmpty()) {
            throw new InvalidSpecException("no root filesystem for container " + spec.id());
        }
        for (Mount mount : spec.rootfs()) {
            rootfsMount(mount);
        }
        if (!HOSTNAME.matcher(spec.hostname()).matches()) {
            throw new InvalidSpecException("invalid hostname " + spec.hostname());
        }
        for (BindMount bind : spec.binds()) {
            bind(bind);
        }
        for (DeviceNode node : spec.devices()) {
            device(node);
        }
        if (spec.process().args().get(0).isEmpty()) {
            throw new InvalidSpecException("no command specified");
        }
        if (spec.logFile() == null || !spec.logFile().isAbsolute()) {
            throw new InvalidSpecException("the log file " + spec.logFile() + " must be an absolute path");
        }
    }

    private static void rootfsMount(Mount mount) {
        if (!FS_TYPE.matcher(mount.type()).matches()) {
            throw new InvalidSpecException("invalid root filesystem mount type " + mount.type());
        }
        if (mount.source().isEmpty()) {
            throw new InvalidSpecException("invalid root filesystem mount: no source");
        }
        if (mount.type().equals("bind") && !Files.isDirectory(java.nio.file.Path.of(mount.source()))) {
            throw new InvalidSpecException("invalid root filesystem: " + mount.source() + " is not a directory");
        }
    }

    /** A node's path names a file inside the root; its host node is bound, so it must be there. */
    private static void device(DeviceNode node) {
        String path = node.path();
        if (List.of(path.split("/")).contains("..") || path.endsWith("/") || path.replace("/", "").isEmpty()) {
            throw new InvalidSpecException("invalid device path " + path + ": it must name a file without '..'");
        }
        if (!Files.exists(node.hostPath())) {
            throw new InvalidSpecException("error gathering device information while adding custom device \""
                    + node.hostPath() + "\": no such file or directory");
        }
    }

    private static void bind(BindMount bind) {
        String destination = bind.destination();
        if (!destination.startsWith("/") || List.of(destination.split("/")).contains("..")) {
            throw new InvalidSpecException("invalid mount config: the destination " + destination + " must be an absolute path without '..'");
        }
        if (destination.replace("/", "").isEmpty()) {
            throw new InvalidSpecException("invalid mount config: cannot bind over the container's root");
        }
        if (!Files.exists(bind.source())) {
            throw new InvalidSpecException("invalid mount config for type \"bind\": bind source path does not exist: " + bind.source());
        }
    }
}
