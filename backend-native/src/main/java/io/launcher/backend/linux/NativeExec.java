package io.launcher.backend.linux;

import io.launcher.api.InternalException;
import io.launcher.api.InvalidSpecException;
import io.launcher.spi.isolation.ExecProcess;
import io.launcher.spi.isolation.ProcessSpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * A process started by {@code launcher-shim exec} (see src/main/c/join.c). Its spec lives in
 * {@code <bundle>/exec/<uuid>.spec}; a resize writes {@code "<rows> <cols>"} to
 * {@code <uuid>.spec.winsize} and sends the shim SIGWINCH. Both files go when it ends.
 */
final class NativeExec implements ExecProcess {
    private static final int SIGWINCH = 28;

    private final Process process;
    private final Path specFile;
    private final Path sizeFile;
    private final CompletableFuture<Integer> exit;

    private NativeExec(Process process, Path specFile) {
        this.process = process;
        this.specFile = specFile;
        this.sizeFile = Path.of(specFile + ".winsize");
        this.exit = process.onExit().thenApply(ended -> {
            removeFiles();
            return ended.exitValue();
        });
    }

    static NativeExec start(Shim shim, Bundle bundle, ProcessSpec spec) {
        Path specFile = bundle.dir().resolve("exec").resolve(UUID.randomUUID() + ".spec");
        try {
            Files.createDirectories(specFile.getParent());
            AtomicFile.writeEphemeral(specFile, SpecFile.renderProcess(spec));
        } catch (IOException e) {
            throw new InternalException("unable to write exec spec " + specFile + ": " + e.getMessage(), e);
        }
        try {
            NativeExec exec = new NativeExec(shim.exec(bundle.dir(), specFile), specFile);
            if (!spec.stdin()) {
                // the process reads /dev/null: our end of its stdin pipe carries nothing
                exec.process.getOutputStream().close();
            }
            return exec;
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(specFile);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e instanceof RuntimeException r ? r : new InternalException("unable to start exec: " + e.getMessage(), e);
        }
    }

    @Override
    public int pid() {
        return (int) process.pid();
    }

    @Override
    public OutputStream stdin() {
        return process.getOutputStream();
    }

    @Override
    public InputStream stdout() {
        return process.getInputStream();
    }

    @Override
    public InputStream stderr() {
        return process.getErrorStream();
    }

    @Override
    public void resize(int rows, int columns) {
        if (rows < 0 || columns < 0 || rows > 65535 || columns > 65535) {
            throw new InvalidSpecException("invalid terminal size " + rows + "x" + columns);
        }
        try {
            AtomicFile.writeEphemeral(sizeFile, (rows + " " + columns + "\n").getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new InternalException("unable to write " + sizeFile + ": " + e.getMessage(), e);
        }
        // only while it lives: afterwards the pid may belong to someone else
        if (process.isAlive()) {
            Signals.send(pid(), SIGWINCH);
        }
    }

    @Override
    public CompletableFuture<Integer> exit() {
        return exit;
    }

    private void removeFiles() {
        try {
            Files.deleteIfExists(specFile);
            Files.deleteIfExists(sizeFile);
        } catch (IOException ignored) {
            // the bundle's removal takes whatever is left
        }
    }
}
