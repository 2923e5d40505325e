package io.launcher.spi.conformance;

import io.launcher.api.ContainerId;
import io.launcher.api.ExitStatus;
import io.launcher.api.LogConfig;
import io.launcher.api.ResourceLimits;
import io.launcher.spi.isolation.BindMount;
import io.launcher.spi.isolation.Capabilities;
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
                readonly, logs.resolve(id.value() + "-json.log"), Capabilities.DOCKER_DEFAULT);
    }

    /** argv with the kit's environment, as root in /, with or without a terminal and stdin. */
    static ProcessSpec process(boolean terminal, boolean stdin, String... args) {
        return new ProcessSpec(List.of(args), ENV, "/", 0, 0, List.of(), terminal, stdin);
    }

    SandboxSpec spec(ProcessSpec process) {
        return spec(process, new NetworkAttachment.Private(), List.of(), false);
    }

    static SandboxSpec withCapabilities(SandboxSpec spec, java.util.Set<String> capabilities) {
        return new SandboxSpec(spec.id(), spec.rootfs(), spec.process(), spec.hostname(), spec.network(),
                spec.resources(), spec.binds(), spec.readonlyRootfs(), spec.logFile(), capabilities, spec.seccomp(), spec.log());
    }

    static SandboxSpec withSeccomp(SandboxSpec spec, io.launcher.spi.isolation.SeccompProfile seccomp) {
        return new SandboxSpec(spec.id(), spec.rootfs(), spec.process(), spec.hostname(), spec.network(),
                spec.resources(), spec.binds(), spec.readonlyRootfs(), spec.logFile(), spec.capabilities(), seccomp, spec.log());
    }

    static SandboxSpec withSeccompFilter(SandboxSpec spec, io.launcher.spi.isolation.SeccompFilter filter) {
        return new SandboxSpec(spec.id(), spec.rootfs(), spec.process(), spec.hostname(), spec.network(), spec.resources(),
                spec.binds(), spec.readonlyRootfs(), spec.logFile(), spec.capabilities(),
                io.launcher.spi.isolation.SeccompProfile.CUSTOM, spec.log(), filter);
    }

    /** What an exec'd process printed and how it ended. */
    record Exec(int code, String stdout, String stderr) { }

    /** Runs a process without stdin in a running sandbox and collects both streams. */
    static Exec exec(Sandbox sandbox, String... args) throws Exception {
        io.launcher.spi.isolation.ExecProcess process = sandbox.exec(process(false, false, args));
        java.util.concurrent.CompletableFuture<byte[]> err = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return process.stderr().readAllBytes();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        String out = new String(process.stdout().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        int code = process.exit().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        return new Exec(code, out, new String(err.get(TIMEOUT_SECONDS, TimeUnit.SECONDS), java.nio.charset.StandardCharsets.UTF_8));
    }

    static SandboxSpec withLog(SandboxSpec spec, LogConfig log) {
        return new SandboxSpec(spec.id(), spec.rootfs(), spec.process(), spec.hostname(), spec.network(),
                spec.resources(), spec.binds(), spec.readonlyRootfs(), spec.logFile(), spec.capabilities(), spec.seccomp(), log);
    }

    static SandboxSpec withResources(SandboxSpec spec, ResourceLimits resources) {
        return new SandboxSpec(spec.id(), spec.rootfs(), spec.process(), spec.hostname(), spec.network(), resources,
                spec.binds(), spec.readonlyRootfs(), spec.logFile(), spec.capabilities(), spec.seccomp(), spec.log());
    }

    Sandbox create(IsolationBackend backend, SandboxSpec spec) {
        Sandbox sandbox = backend.create(spec);
        sandboxes.add(sandbox);
        return sandbox;
    }

    /**
     * Creates and starts in one step ({@link IsolationBackend#run}, as the engine's start does;
     * the cases that create and then start cover the two steps) and waits for the end.
     */
    Run run(IsolationBackend backend, SandboxSpec spec) throws Exception {
        Sandbox sandbox = backend.run(spec);
        sandboxes.add(sandbox);
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
