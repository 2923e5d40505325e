package io.launcher.backend.linux;

import io.launcher.api.InternalException;
import io.launcher.api.InvalidSpecException;
import io.launcher.spi.isolation.ExecProcess;
import io.launcher.spi.isolation.ProcessSpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * A process started through the shim's spawner (see src/main/c/execserve.c and join.c). Its spec
 * lives in {@code <bundle>/exec/<uuid>.spec}; a resize writes {@code "<rows> <cols>"} to
 * {@code <uuid>.spec.winsize} and sends its relay SIGWINCH. Both files go when it ends.
 */
final class NativeExec implements ExecProcess {
    private static final int SIGWINCH = 28;
    private static final Set<PosixFilePermission> OWNER_ONLY =
            Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

    private final SpawnedExec process;
    private final Path specFile;
    private final Path sizeFile;
    private final CompletableFuture<Integer> exit;

    private NativeExec(SpawnedExec process, Path specFile) {
        this.process = process;
        this.specFile = specFile;
        this.sizeFile = Path.of(specFile + ".winsize");
        this.exit = process.exit().thenApply(code -> {
            removeFiles();
            return code;
        });
    }

    static NativeExec start(Shim shim, Bundle bundle, ProcessSpec spec) {
        String id = UUID.randomUUID().toString();
        Path dir = bundle.dir().toAbsolutePath();
        Path specFile = dir.resolve("exec").resolve(id + ".spec");
        try {
            Files.createDirectories(specFile.getParent());
            writeFresh(specFile, SpecFile.renderProcess(spec));
        } catch (IOException e) {
            throw new InternalException("unable to write exec spec " + specFile + ": " + e.getMessage(), e);
        }
        try {
            NativeExec exec = new NativeExec(shim.exec(dir, id), specFile);
            if (!spec.stdin()) {
                // the process reads /dev/null: our end of its stdin pipe carries nothing
                exec.process.stdin().close();
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

    /**
     * Writes a file under a name nobody knows yet: no temp name and rename as {@link AtomicFile}
     * does, for the spawner reads it only when told, after it is whole and closed (a third of the
     * write's cost). Owner-only from its creation: it holds the exec's environment.
     */
    private static void writeFresh(Path file, byte[] content) throws IOException {
        try (SeekableByteChannel channel = Files.newByteChannel(file, Set.of(StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE), PosixFilePermissions.asFileAttribute(OWNER_ONLY))) {
            ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        }
    }

    @Override
    public int pid() {
        return process.pid();
    }

    @Override
    public OutputStream stdin() {
        return process.stdin();
    }

    @Override
    public InputStream stdout() {
        return process.stdout();
    }

    @Override
    public InputStream stderr() {
        return process.stderr();
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
        if (!exit.isDone()) {
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
