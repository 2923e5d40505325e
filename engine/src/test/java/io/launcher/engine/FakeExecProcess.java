package io.launcher.engine;

import io.launcher.spi.isolation.ExecProcess;
import io.launcher.spi.isolation.ProcessSpec;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A pretend exec: {@code echo ARGS} prints its arguments and exits 0, {@code cat} copies stdin to
 * stdout until stdin closes, {@code exit N} exits N, anything else is not found (127).
 */
final class FakeExecProcess implements ExecProcess {
    final ProcessSpec spec;
    final CompletableFuture<Integer> exit = new CompletableFuture<>();
    volatile int[] size = {0, 0};
    private final PipedOutputStream stdin = new PipedOutputStream();
    private final PipedOutputStream stdoutWriter = new PipedOutputStream();
    private final PipedInputStream stdout;

    FakeExecProcess(ProcessSpec spec) {
        this.spec = spec;
        try {
            this.stdout = new PipedInputStream(stdoutWriter, 64 * 1024);
            PipedInputStream input = new PipedInputStream(stdin, 64 * 1024);
            Thread thread = new Thread(() -> run(input), "fake-exec");
            thread.setDaemon(true);
            thread.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void run(InputStream input) {
        List<String> args = spec.args();
        int code = 0;
        try (stdoutWriter) {
            switch (args.get(0)) {
                case "echo" -> stdoutWriter.write((String.join(" ", args.subList(1, args.size())) + "\n")
                        .getBytes(StandardCharsets.UTF_8));
                case "cat" -> input.transferTo(stdoutWriter);
                case "exit" -> code = Integer.parseInt(args.get(1));
                default -> code = 127;
            }
        } catch (IOException e) {
            code = 141;
        }
        exit.complete(code);
    }

    @Override
    public int pid() {
        return 4343;
    }

    @Override
    public OutputStream stdin() {
        return stdin;
    }

    @Override
    public InputStream stdout() {
        return stdout;
    }

    @Override
    public InputStream stderr() {
        return new ByteArrayInputStream(new byte[0]);
    }

    @Override
    public void resize(int rows, int columns) {
        size = new int[] {rows, columns};
    }

    @Override
    public CompletableFuture<Integer> exit() {
        return exit;
    }
}
