package io.launcher.backend.linux;

import io.launcher.api.AlreadyExistsException;
import io.launcher.api.ContainerId;
import io.launcher.api.InternalException;
import io.launcher.backend.linux.seccomp.DefaultSeccompProgram;
import io.launcher.spi.isolation.Capabilities;
import io.launcher.spi.isolation.IsolationBackend;
import io.launcher.spi.isolation.Sandbox;
import io.launcher.spi.isolation.SandboxSpec;
import io.launcher.spi.isolation.SandboxState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Isolation by the launcher-shim: each container gets a bundle under
 * {@code <stateDir>/containers/<id>/} and a detached monitor that outlives the engine.
 */
public final class NativeIsolationBackend implements IsolationBackend {
    private final Path containers;
    private final Shim shim;
    private final MonitorExits exits = new MonitorExits();

    private NativeIsolationBackend(Path containers, Shim shim) {
        this.containers = containers;
        this.shim = shim;
    }

    /** Opens the backend on its own state folder, installing the shim there. */
    public static NativeIsolationBackend open(Path stateDir) {
        Shim shim = Shim.install(stateDir.resolve("bin"));
        Path containers = stateDir.resolve("containers");
        try {
            Files.createDirectories(containers);
        } catch (IOException e) {
            throw new InternalException("unable to create " + containers + ": " + e.getMessage(), e);
        }
        // most containers keep Docker's default capabilities: have their filter ready
        DefaultSeccompProgram.prepare(Capabilities.DOCKER_DEFAULT);
        return new NativeIsolationBackend(containers, shim);
    }

    @Override
    public Sandbox create(SandboxSpec spec) {
        return open(spec, false);
    }

    /** One exchange with the spawner instead of a create and then a "start" request. */
    @Override
    public Sandbox run(SandboxSpec spec) {
        return open(spec, true);
    }

    private Sandbox open(SandboxSpec spec, boolean run) {
        SpecChecks.validate(spec);
        Bundle bundle = new Bundle(containers.resolve(spec.id().value()));
        try {
            Files.createDirectory(bundle.dir());
        } catch (java.nio.file.FileAlreadyExistsException e) {
            throw new AlreadyExistsException("container " + spec.id() + " already exists", e);
        } catch (IOException e) {
            throw new InternalException("unable to create " + bundle.dir() + ": " + e.getMessage(), e);
        }
        try {
            Files.createDirectory(bundle.rootfs());
            Files.createDirectories(spec.logFile().toAbsolutePath().getParent());
            SpecFile.writeNew(spec, bundle.spec());
            // the monitor writes the pids file itself and pushes the exit on this connection
            Spawner.Spawned spawned = run ? shim.run(bundle.dir()) : shim.create(bundle.dir());
            return new NativeSandbox(spec.id(), bundle, spawned.pids(), shim, exits,
                    run ? SandboxState.RUNNING : SandboxState.CREATED)
                    .watch(Optional.of(spawned.connection()));
        } catch (IOException | RuntimeException e) {
            try {
                bundle.remove();
            } catch (RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e instanceof IOException io
                    ? new InternalException("unable to prepare " + bundle.dir() + ": " + io.getMessage(), io)
                    : (RuntimeException) e;
        }
    }

    @Override
    public Optional<Sandbox> load(ContainerId id) {
        Bundle bundle = new Bundle(containers.resolve(id.value()));
        Optional<MonitorPids> pids = MonitorPids.read(bundle.pids());
        if (pids.isEmpty()) {
            return Optional.empty();
        }
        // a container started by a launcher before the compiled default filter: its exec needs the program
        LegacySeccompSpec.upgrade(bundle.spec());
        Optional<MonitorConnection> connection = MonitorConnection.open(bundle.socket());
        SandboxState state = SandboxState.STOPPED;
        if (connection.isPresent()) {
            state = stateOf(connection.get());
        }
        if (state == SandboxState.RUNNING && Freezer.of(id).frozen()) {
            state = SandboxState.PAUSED;
        }
        if (state == SandboxState.STOPPED) {
            connection.ifPresent(MonitorConnection::close);
            connection = Optional.empty();
        }
        return Optional.of(new NativeSandbox(id, bundle, pids.get(), shim, exits, state).watch(connection));
    }

    /** Asks a live monitor where its container is; a monitor that does not answer has ended. */
    private static SandboxState stateOf(MonitorConnection connection) {
        try {
            String reply = connection.request("state");
            if (reply.startsWith("state created ")) {
                return SandboxState.CREATED;
            }
            if (reply.startsWith("state running ")) {
                return SandboxState.RUNNING;
            }
            return SandboxState.STOPPED;
        } catch (IOException e) {
            return SandboxState.STOPPED;
        }
    }
}
