package io.launcher.daemon;

import io.launcher.api.ContainerId;
import io.launcher.api.ExecConfig;
import io.launcher.api.ExecDetails;
import io.launcher.api.ExecSession;
import io.launcher.api.LogCursor;
import io.launcher.api.LogEntry;
import io.launcher.api.NotFoundException;
import io.launcher.api.StdStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Pretend execs for the fake engine: {@code echo ARGS} prints them, {@code warn ARGS} prints them
 * on stderr, {@code cat} copies stdin to stdout until it closes, {@code exit N} exits N.
 */
final class FakeExecs {
    private static final LogEntry END = new LogEntry(StdStream.STDOUT, Instant.EPOCH, new byte[0]);

    static final class Exec {
        final String id;
        final ContainerId container;
        final ExecConfig config;
        volatile boolean running;
        volatile int exitCode = -1;
        volatile int[] size = {0, 0};

        Exec(String id, ContainerId container, ExecConfig config) {
            this.id = id;
            this.container = container;
            this.config = config;
        }
    }

    final Map<String, Exec> execs = new ConcurrentHashMap<>();

    String create(ContainerId container, ExecConfig config) {
        String id = Integer.toHexString(execs.size() + 1).repeat(64).substring(0, 64);
        execs.put(id, new Exec(id, container, config));
        return id;
    }

    Exec find(String id) {
        Exec exec = execs.get(id);
        if (exec == null) {
            throw new NotFoundException("No such exec instance: " + id);
        }
        return exec;
    }

    ExecDetails details(String id) {
        Exec e = find(id);
        return new ExecDetails(e.id, e.container, e.config, e.running, e.exitCode, e.running ? 777 : 0);
    }

    ExecSession start(String id) {
        Exec exec = find(id);
        exec.running = true;
        BlockingQueue<LogEntry> queue = new LinkedBlockingQueue<>();
        PipedOutputStream stdin = new PipedOutputStream();
        PipedInputStream input;
        try {
            input = new PipedInputStream(stdin, 64 * 1024);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread thread = new Thread(() -> run(exec, input, queue), "fake-exec");
        thread.setDaemon(true);
        thread.start();
        return new ExecSession() {
            @Override
            public OutputStream stdin() {
                return stdin;
            }

            @Override
            public LogCursor output() {
                return new LogCursor() {
                    private boolean done;

                    @Override
                    public Optional<LogEntry> next() throws InterruptedException {
                        if (done) {
                            return Optional.empty();
                        }
                        LogEntry entry = queue.take();
                        done = entry == END;
                        return done ? Optional.empty() : Optional.of(entry);
                    }

                    @Override
                    public void close() {
                    }
                };
            }

            @Override
            public void close() {
                try {
                    stdin.close();
                } catch (IOException e) {
                    // already closed
                }
            }
        };
    }

    private static void run(Exec exec, InputStream input, BlockingQueue<LogEntry> queue) {
        List<String> args = exec.config.cmd();
        String rest = String.join(" ", args.subList(1, args.size()));
        int code = 0;
        switch (args.get(0)) {
            case "echo" -> queue.add(entry(StdStream.STDOUT, (rest + "\n").getBytes(StandardCharsets.UTF_8)));
            case "warn" -> queue.add(entry(StdStream.STDERR, (rest + "\n").getBytes(StandardCharsets.UTF_8)));
            case "cat" -> {
                byte[] buffer = new byte[4096];
                try {
                    for (int n = input.read(buffer); n >= 0; n = input.read(buffer)) {
                        queue.add(entry(StdStream.STDOUT, java.util.Arrays.copyOf(buffer, n)));
                    }
                } catch (IOException e) {
                    code = 1;
                }
            }
            case "exit" -> code = Integer.parseInt(args.get(1));
            default -> code = 127;
        }
        exec.exitCode = code;
        exec.running = false;
        queue.add(END);
    }

    private static LogEntry entry(StdStream stream, byte[] data) {
        return new LogEntry(stream, Instant.now(), data);
    }
}
