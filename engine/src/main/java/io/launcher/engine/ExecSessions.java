package io.launcher.engine;

import io.launcher.api.ContainerConfig;
import io.launcher.api.ExecConfig;
import io.launcher.api.ExecDetails;
import io.launcher.api.ExecSession;
import io.launcher.api.FailedPreconditionException;
import io.launcher.api.LogCursor;
import io.launcher.api.NotFoundException;
import io.launcher.spi.isolation.ExecProcess;
import io.launcher.spi.isolation.ProcessSpec;
import io.launcher.spi.isolation.Sandbox;
import java.io.IOException;
import java.io.OutputStream;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The execs of the running containers, by id (64 hex digits, as Docker's). An exec is created
 * against a running container, started once, and kept for inspection after it ended; the
 * execs of removed containers are dropped when the next exec is created.
 */
final class ExecSessions {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, ExecEntry> execs = new ConcurrentHashMap<>();
    private final ExecUsers users;

    ExecSessions(ContainerUsers users) {
        this.users = new ExecUsers(users);
    }

    String create(ContainerEntry container, ExecConfig config) {
        Sandbox sandbox = requireRunning(container);
        // an unknown user fails the create already; the start resolves again (files may have changed), cheaply
        users.resolve(container.record().id(), sandbox.pid(), SandboxSpecs.execUser(container.record().config(), config));
        // every memo of the users has an exec of its container here, so this forgets them all in time
        execs.values().removeIf(e -> {
            if (!e.container().isRemoving()) {
                return false;
            }
            users.forget(e.container().record().id());
            return true;
        });
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String id = HexFormat.of().formatHex(bytes);
        execs.put(id, new ExecEntry(id, container, config));
        return id;
    }

    ExecSession start(String id) {
        ExecEntry exec = find(id);
        ContainerEntry container = exec.container();
        Sandbox sandbox = requireRunning(container);
        exec.begin();
        ContainerConfig config = container.record().config();
        ProcessSpec spec = SandboxSpecs.execProcess(container.id(), config, exec.config(),
                users.resolve(container.record().id(), sandbox.pid(), SandboxSpecs.execUser(config, exec.config())));
        ExecProcess process = sandbox.exec(spec);
        exec.running(process);
        process.exit().whenComplete((code, failure) -> exec.ended(failure == null ? code : 255));
        ExecOutput output = new ExecOutput(exec, process);
        return new ExecSession() {
            @Override
            public OutputStream stdin() {
                return exec.config().attachStdin() ? process.stdin() : OutputStream.nullOutputStream();
            }

            @Override
            public LogCursor output() {
                return output;
            }

            @Override
            public void close() {
                output.close();
                if (exec.config().attachStdin()) {
                    try {
                        process.stdin().close();
                    } catch (IOException e) {
                        // the process has ended: its stdin went with it
                    }
                }
            }
        };
    }

    ExecDetails inspect(String id) {
        return find(id).details();
    }

    void resize(String id, int rows, int columns) {
        ExecProcess process = find(id).process();
        if (process == null) {
            throw new FailedPreconditionException("exec " + id + " is not running");
        }
        process.resize(rows, columns);
    }

    private ExecEntry find(String id) {
        ExecEntry exec = execs.get(id);
        if (exec == null) {
            throw new NotFoundException("No such exec instance: " + id);
        }
        return exec;
    }

    private static Sandbox requireRunning(ContainerEntry container) {
        Sandbox sandbox = container.sandbox();
        if (sandbox == null) {
            throw new FailedPreconditionException("Container " + container.id() + " is not running");
        }
        if (container.state().status() == io.launcher.api.ContainerStatus.PAUSED) {
            throw new FailedPreconditionException("Container " + container.id() + " is paused, unpause the container before exec");
        }
        return sandbox;
    }
}
