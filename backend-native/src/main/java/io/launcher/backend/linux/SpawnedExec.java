package io.launcher.backend.linux;

import io.launcher.api.SystemCallFailedException;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An exec process the spawner forked (src/main/c/execserve.c): the engine makes four pipes, keeps
 * one end of each as a stream, and passes the other ends with the request, so the process's
 * stdio are pipes to the engine exactly as when the JVM launched it. The status pipe carries
 * "ok &lt;pid&gt;" and then "exit &lt;code&gt;".
 */
final class SpawnedExec {
    /** The status pipe closed without an exit: only SIGKILL ends the relay without a report. */
    private static final int KILLED = 128 + 9;
    private static final ExecutorService WATCHERS = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "exec-exit");
        thread.setDaemon(true);
        return thread;
    });

    private final int pid;
    private final OutputStream stdin;
    private final InputStream stdout;
    private final InputStream stderr;
    private final CompletableFuture<Integer> exit = new CompletableFuture<>();

    private SpawnedExec(int pid, OutputStream stdin, InputStream stdout, InputStream stderr) {
        this.pid = pid;
        this.stdin = stdin;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    /** The pipes: {engine's end, process's end} of stdin, stdout, stderr and status. */
    private record Pipes(int[][] ends) {
        static Pipes make() throws IOException {
            int[][] ends = new int[4][];
            try {
                for (int i = 0; i < 4; i++) {
                    int[] fds = RightsSender.pipe();
                    // stdin: the engine writes; the others: the engine reads
                    ends[i] = i == 0 ? new int[] {fds[1], fds[0]} : fds;
                }
                return new Pipes(ends);
            } catch (IOException e) {
                new Pipes(ends).closeAll();
                throw e;
            }
        }

        int[] processEnds() {
            return new int[] {ends[0][1], ends[1][1], ends[2][1], ends[3][1]};
        }

        /** The engine's end of pipe i as a stream of its own (the pipe reopened by /proc). */
        String engineEnd(int i) {
            return "/proc/self/fd/" + ends[i][0];
        }

        void closeAll() {
            for (int[] pair : ends) {
                if (pair != null) {
                    RightsSender.close(pair[0]);
                    RightsSender.close(pair[1]);
                }
            }
        }
    }

    /**
     * Asks the spawner for the exec of {@code <bundle>/exec/<id>.spec}; {@code send} delivers the
     * request. Returns once the process's relay runs.
     */
    static SpawnedExec start(Path bundle, String id, Sender send) throws IOException {
        Pipes pipes = Pipes.make();
        FileOutputStream stdin = null;
        FileInputStream stdout = null;
        FileInputStream stderr = null;
        FileInputStream status = null;
        try {
            stdin = new FileOutputStream(pipes.engineEnd(0));
            stdout = new FileInputStream(pipes.engineEnd(1));
            stderr = new FileInputStream(pipes.engineEnd(2));
            status = new FileInputStream(pipes.engineEnd(3));
            send.send(("exec " + id + " " + bundle + "\n").getBytes(StandardCharsets.UTF_8), pipes.processEnds());
        } catch (IOException | RuntimeException e) {
            pipes.closeAll();
            closeQuietly(stdin, stdout, stderr, status);
            throw e;
        }
        // the process's ends now live only in the message and then in its relay: EOF comes with its end
        pipes.closeAll();
        BufferedReader reader = new BufferedReader(new InputStreamReader(status, StandardCharsets.US_ASCII));
        try {
            // buffered as the JDK's process streams are, and because FileInputStream.readAllBytes
            // seeks, which a pipe refuses (ESPIPE) on JDK 17
            SpawnedExec exec = new SpawnedExec(started(reader.readLine(), bundle), stdin,
                    new BufferedInputStream(stdout), new BufferedInputStream(stderr));
            WATCHERS.execute(() -> exec.watch(reader));
            return exec;
        } catch (IOException | RuntimeException e) {
            closeQuietly(stdin, stdout, stderr, status);
            throw e;
        }
    }

    /** Delivers the request line and the process's ends of the pipes. */
    @FunctionalInterface
    interface Sender {
        void send(byte[] message, int[] fds) throws IOException;
    }

    /** "ok &lt;pid&gt;", or "error &lt;fault&gt; &lt;message&gt;" as {@link Spawner#parse} reads it. */
    private static int started(String line, Path bundle) {
        if (line == null) {
            throw new SystemCallFailedException("start exec in", bundle.toString(), "the spawner ended it without a report");
        }
        if (line.startsWith("ok ")) {
            return Integer.parseInt(line.substring(3).strip());
        }
        Spawner.parse(line);
        throw new SystemCallFailedException("start exec in", bundle.toString(), line);
    }

    private void watch(BufferedReader reader) {
        int code = KILLED;
        try (reader) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.startsWith("exit ")) {
                    code = Integer.parseInt(line.substring(5).strip());
                    break;
                }
            }
        } catch (IOException | NumberFormatException e) {
            code = KILLED;
        }
        exit.complete(code);
    }

    int pid() {
        return pid;
    }

    OutputStream stdin() {
        return stdin;
    }

    InputStream stdout() {
        return stdout;
    }

    InputStream stderr() {
        return stderr;
    }

    CompletableFuture<Integer> exit() {
        return exit;
    }

    private static void closeQuietly(java.io.Closeable... streams) {
        for (java.io.Closeable stream : streams) {
            if (stream != null) {
                try {
                    stream.close();
                } catch (IOException ignored) {
                    // a stream that did not close holds nothing more to release
                }
            }
        }
    }
}
