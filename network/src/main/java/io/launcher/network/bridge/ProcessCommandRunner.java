package io.launcher.network.bridge;

import io.launcher.api.SystemCallFailedException;
import io.launcher.api.UnavailableException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Spawns host tools. stderr is drained on a thread of its own so a tool that writes a lot to both
 * streams never blocks; a tool that hangs longer than the timeout is killed.
 */
public final class ProcessCommandRunner implements CommandRunner {
    private static final long TIMEOUT_SECONDS = 30;

    @Override
    public CommandResult run(Path tool, String stdin, String... args) {
        List<String> argv = new ArrayList<>(args.length + 1);
        argv.add(tool.toString());
        argv.addAll(List.of(args));
        Process process;
        try {
            process = new ProcessBuilder(argv).start();
        } catch (IOException e) {
            throw new UnavailableException("unable to run " + tool + ": " + e.getMessage(), e);
        }
        try {
            CompletableFuture<String> stderr = drainAside(process.getErrorStream(), tool);
            try (OutputStream in = process.getOutputStream()) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
            String stdout = drain(process.getInputStream());
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new SystemCallFailedException("run", tool.toString(), "timed out after " + TIMEOUT_SECONDS + " s");
            }
            return new CommandResult(process.exitValue(), stdout, stderr.join());
        } catch (IOException e) {
            throw new SystemCallFailedException("run", tool.toString(), String.valueOf(e.getMessage()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SystemCallFailedException("run", tool.toString(), "interrupted", e);
        } finally {
            if (process.isAlive()) {
                process.destroyForcibly();
            }
        }
    }

    // A thread of its own rather than the common pool: on a two-core host that pool has a single
    // worker, and parking it on a pipe would stall unrelated work.
    private static CompletableFuture<String> drainAside(InputStream stream, Path tool) {
        CompletableFuture<String> text = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try {
                text.complete(drain(stream));
            } catch (IOException e) {
                text.complete("unable to read stderr: " + e.getMessage());
            }
        }, "stderr of " + tool.getFileName());
        reader.setDaemon(true);
        reader.start();
        return text;
    }

    private static String drain(InputStream stream) throws IOException {
        try (stream) {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
