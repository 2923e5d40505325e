package io.launcher.spi.conformance;

import io.launcher.api.ContainerId;
import io.launcher.api.ExitStatus;
import io.launcher.api.ResourceLimits;
import io.launcher.spi.isolation.BindMount;
import io.launcher.spi.isolation.IsolationBackend;
import io.launcher.spi.isolation.NetworkAttachment;
import io.launcher.spi.isolation.ProcessSpec;
import io.launcher.spi.isolation.Sandbox;
import io.launcher.spi.isolation.SandboxSpec;
import io.launcher.spi.isolation.SandboxState;
import io.launcher.spi.isolation.SignalTarget;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Builds specs over the busybox rootfs, runs them, and cleans up every sandbox it made. */
final class KitRunner {
    static final String HOSTNAME = "kit-host";
    static final List<String> ENV = List.of("PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
            "HOME=/root");
    private static final long TIMEOUT_SECONDS = 30;

    private final BusyboxRootfs rootfs;
    private final Path logs;
    private final List<Sandbox> sandboxes = new ArrayList<>();

    KitRunner(BusyboxRootfs rootfs, Path logs) {
        this.rootfs = rootfs;
        this.logs = logs;
    }

    /** What a finished container left: its exit status and its two streams from the log. */
    record Run(ExitStatus status, String stdout, String stderr, Path log) { }

    SandboxSpec spec(String... args) {
        return spec(new NetworkAttachment.Private(), List.of(), false, args);
    }

    SandboxSpec spec(NetworkAttachment network, List<BindMount> binds, boolean readonly, String... args) {
        ProcessSpec process = new ProcessSpec(List.of(args), ENV, "/", 0, 0, List.of(), false, false);
        return spec(process, network, binds, readonly);
    }

    SandboxSpec spec(ProcessSpec process, NetworkAttachment network, List<BindMount> binds, boolean readonly) {
        ContainerId id = ContainerId.random();
        return new SandboxSpec(id, rootfs.mounts(), process, HOSTNAME, network, ResourceLimits.NONE, binds,
                readonly, logs.resolve(id.value() + "-json.log"));
    }

    static SandboxSpec withResources(SandboxSpec spec, ResourceLimits resources) {
        return new SandboxSpec(spec.id(), spec.rootfs(), spec.process(), spec.hostname(), spec.network(), resources,
                spec.binds(), spec.readonlyRootfs(), spec.logFile());
    }

    Sandbox create(IsolationBackend backend, SandboxSpec spec) {
        Sandbox sandbox = backend.create(spec);
        sandboxes.add(sandbox);
        return sandbox;
    }

    /** Creates, starts and waits for the end. */
    Run run(IsolationBackend backend, SandboxSpec spec) throws Exception {
        Sandbox sandbox = create(backend, spec);
        sandbox.start();
        ExitStatus status = sandbox.exit().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        return new Run(status, JsonFileLog.text(spec.logFile(), "stdout"),
                JsonFileLog.text(spec.logFile(), "stderr"), spec.logFile());
    }

    static ExitStatus await(Sandbox sandbox) throws Exception {
        return sandbox.exit().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    /** Polls the log until a stream has said {@code text}: how the kit knows a script got going. */
    static void awaitOutput(Path log, String text) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (!JsonFileLog.text(log, "stdout").contains(text)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the container never printed " + text);
            }
            Thread.sleep(20);
        }
    }

    /** Kills and deletes whatever a test left behind; failures of a finished test do not matter here. */
    void cleanUp() {
        for (Sandbox sandbox : sandboxes) {
            try {
                if (sandbox.state() != SandboxState.STOPPED) {
                    sandbox.signal(9, SignalTarget.ALL);
                    await(sandbox);
                }
                sandbox.delete();
            } catch (Exception | AssertionError ignored) {
                // deleted by the test itself, or already gone
            }
        }
    }
}
