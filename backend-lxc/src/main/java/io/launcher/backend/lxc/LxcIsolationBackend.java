package io.launcher.backend.lxc;

import io.launcher.api.AlreadyExistsException;
import io.launcher.api.ContainerId;
import io.launcher.api.SystemCallFailedException;
import io.launcher.backend.lxc.config.LxcConfig;
import io.launcher.spi.isolation.IsolationBackend;
import io.launcher.spi.isolation.Sandbox;
import io.launcher.spi.isolation.SandboxSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Isolation through LXC's tools from a generated configuration, as Docker's lxc driver did in
 * 2013. Owns {@code <stateDir>/containers}, LXC's lxcpath for these containers.
 */
public final class LxcIsolationBackend implements IsolationBackend {
    private final Path containers;
    private final HostTools tools;
    private final CgroupVersion cgroups;

    LxcIsolationBackend(Path stateDir, HostTools tools, CgroupVersion cgroups) {
        this.containers = stateDir.resolve("containers");
        this.tools = tools;
        this.cgroups = cgroups;
    }

    /** The backend for this host's tools and cgroup layout, as the probe found them. */
    public static LxcIsolationBackend open(Path stateDir) {
        return new LxcIsolationBackend(stateDir, HostProbe.tools().orElseThrow(
                () -> new io.launcher.api.UnavailableException(HostProbe.probe().reason())),
                CgroupVersion.of(Path.of("/sys/fs/cgroup")));
    }

    /**
     * Writes the container's hook, supervisor script and LXC configuration (the configuration
     * last, so a directory with a config is a complete container), then runs lxc-execute under
     * the supervisor until the start-host hook parks the init: namespaces, cgroup, mounts and
     * root are ready, the user's process not yet started.
     */
    @Override
    public Sandbox create(SandboxSpec spec) {
        SpecChecks.check(spec);
        ContainerDir dir = new ContainerDir(containers.resolve(spec.id().value()));
        LxcConfig config = SpecTranslator.translate(spec, dir, cgroups);
        String text = config.render();
        String seccomp = switch (spec.seccomp()) {
            case DEFAULT -> SeccompPolicy.render(spec.capabilities());
            case CUSTOM -> CustomSeccompPolicy.render(spec.seccompFilter());
            case UNCONFINED -> null;
        };
        try {
            Files.createDirectories(containers);
            Files.createDirectory(dir.path());
        } catch (java.nio.file.FileAlreadyExistsException e) {
            throw new AlreadyExistsException("container " + spec.id() + " already exists", e);
        } catch (IOException e) {
            throw new SystemCallFailedException("create", dir.path().toString(), String.valueOf(e.getMessage()), e);
        }
        try {
            Files.createDirectories(dir.rootfs());
            Files.createDirectories(spec.logFile().getParent());
        } catch (IOException e) {
            throw new SystemCallFailedException("create", dir.rootfs().toString(), String.valueOf(e.getMessage()), e);
        }
        AtomicFile.write(dir.hook(), HookScript.render(spec, dir), "rwx------");
        AtomicFile.write(dir.supervise(), SupervisorScript.render(spec, dir, tools), "rwx------");
        if (seccomp != null) {
            AtomicFile.write(dir.seccomp(), seccomp, "rw-------");
        }
        AtomicFile.write(dir.config(), text, "rw-------");
        return LxcSandbox.create(spec.id(), dir, tools);
    }

    @Override
    public Optional<Sandbox> load(ContainerId id) {
        ContainerDir dir = new ContainerDir(containers.resolve(id.value()));
        if (Files.notExists(dir.config())) {
            return Optional.empty();
        }
        return Optional.of(LxcSandbox.load(id, dir, tools));
    }
}
