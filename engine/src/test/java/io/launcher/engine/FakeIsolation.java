package io.launcher.engine;

import io.launcher.api.ContainerId;
import io.launcher.api.ExitStatus;
import io.launcher.api.IllegalTransitionException;
import io.launcher.spi.isolation.ExecProcess;
import io.launcher.spi.isolation.IsolationBackend;
import io.launcher.spi.isolation.IsolationProvider;
import io.launcher.spi.isolation.Sandbox;
import io.launcher.spi.isolation.ProcessSpec;
import io.launcher.spi.isolation.SandboxSpec;
import io.launcher.spi.isolation.SandboxState;
import io.launcher.spi.isolation.SignalTarget;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A pretend isolation backend: {@code echo ARGS} logs its arguments and exits 0, {@code exit N}
 * exits N, {@code sleep} runs until signalled. Sandboxes outlive an engine, as real ones do.
 */
final class FakeIsolation extends FakeProvider<IsolationBackend> implements IsolationProvider, IsolationBackend {
    final Map<ContainerId, FakeSandbox> sandboxes = new ConcurrentHashMap<>();

    @Override
    public Sandbox create(SandboxSpec spec) {
        FakeSandbox sandbox = new FakeSandbox(spec);
        sandboxes.put(spec.id(), sandbox);
        return sandbox;
    }

    @Override
    public Optional<Sandbox> load(ContainerId id) {
        return Optional.ofNullable(sandboxes.get(id));
    }

    static final class FakeSandbox implements Sandbox {
        final SandboxSpec spec;
        final CompletableFuture<ExitStatus> exit = new CompletableFuture<>();
        volatile SandboxState state = SandboxState.CREATED;
        /** What was written to the container's stdin, and whether it was closed. */
        final ByteArrayOutputStream stdin = new ByteArrayOutputStream();
        volatile boolean stdinClosed;
        volatile int[] size = {0, 0};
        /** A signal sent while paused: delivered on resume, as the freezer does. */
        volatile int pendingSignal;
        final List<FakeExecProcess> execs = new java.util.concurrent.CopyOnWriteArrayList<>();

        FakeSandbox(SandboxSpec spec) {
            this.spec = spec;
        }

        @Override
        public ContainerId id() {
            return spec.id();
        }

        @Override
        public SandboxState state() {
            return state;
        }

        @Override
        public int pid() {
            return state == SandboxState.RUNNING || state == SandboxState.PAUSED ? 4242 : 0;
        }

        @Override
        public void start() {
            if (state != SandboxState.CREATED) {
                throw new IllegalTransitionException("cannot start a " + state + " sandbox");
            }
            state = SandboxState.RUNNING;
            List<String> args = spec.process().args();
            switch (args.get(0)) {
                case "echo" -> {
                    log(String.join(" ", args.subList(1, args.size())) + "\n", "stdout");
                    end(ExitStatus.exited(0));
                }
                case "exit" -> end(ExitStatus.exited(Integer.parseInt(args.get(1))));
                case "sleep" -> { }
                default -> {
                    log("exec: \"" + args.get(0) + "\": executable file not found in $PATH\n", "stderr");
                    end(ExitStatus.exited(127));
                }
            }
        }

        @Override
        public void signal(int signal, SignalTarget target) {
            if (state == SandboxState.PAUSED) {
                pendingSignal = signal;
            } else if (state == SandboxState.RUNNING) {
                end(ExitStatus.killed(signal, false));
            } else if (state == SandboxState.STOPPED) {
                // as the native backend: a process that has ended takes no more signals
                throw new IllegalTransitionException("container " + spec.id() + " is not running");
            }
        }

        /** From now on an ending process's exit reaches the engine only on {@link #deliverExit()}. */
        volatile boolean holdExit;
        private volatile ExitStatus heldExit;

        void deliverExit() {
            CompletableFuture.runAsync(() -> exit.complete(heldExit));
        }

        @Override
        public CompletableFuture<ExitStatus> exit() {
            return exit;
        }

        @Override
        public void pause() {
            if (state != SandboxState.RUNNING) {
                throw new IllegalTransitionException("cannot pause a " + state + " sandbox");
            }
            state = SandboxState.PAUSED;
        }

        @Override
        public void resume() {
            if (state != SandboxState.PAUSED) {
                throw new IllegalTransitionException("cannot resume a " + state + " sandbox");
            }
            state = SandboxState.RUNNING;
            if (pendingSignal != 0) {
                end(ExitStatus.killed(pendingSignal, false));
            }
        }

        @Override
        public void delete() {
            if (state == SandboxState.RUNNING || state == SandboxState.PAUSED) {
                throw new IllegalTransitionException("cannot delete a running sandbox");
            }
        }

        @Override
        public OutputStream openStdin() {
            return new OutputStream() {
                @Override
                public void write(int b) {
                    synchronized (stdin) {
                        stdin.write(b);
                    }
                }

                @Override
                public void close() {
                    stdinClosed = true;
                }
            };
        }

        @Override
        public void resize(int rows, int columns) {
            size = new int[] {rows, columns};
        }

        @Override
        public ExecProcess exec(ProcessSpec process) {
            if (state != SandboxState.RUNNING) {
                throw new IllegalTransitionException("cannot exec in a " + state + " sandbox");
            }
            FakeExecProcess exec = new FakeExecProcess(process);
            execs.add(exec);
            return exec;
        }

        private void end(ExitStatus status) {
            state = SandboxState.STOPPED;
            if (holdExit) {
                heldExit = status;
                return;
            }
            CompletableFuture.runAsync(() -> exit.complete(status));
        }

        private void log(String text, String stream) {
            String line = "{\"log\":\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n")
                    + "\",\"stream\":\"" + stream + "\",\"time\":\"" + Instant.now() + "\"}\n";
            try {
                Files.createDirectories(spec.logFile().getParent());
                Files.writeString(spec.logFile(), line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
