package io.launcher.backend.linux;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

/** Temp name, fsync, rename: readers see the old file or the whole new one, never half of it. */
final class AtomicFile {
    private static final Set<PosixFilePermission> OWNER_ONLY =
            Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

    private AtomicFile() {
    }

    static void write(Path target, byte[] content) throws IOException {
        write(target, content, OWNER_ONLY, true);
    }

    static void write(Path target, byte[] content, Set<PosixFilePermission> permissions) throws IOException {
        write(target, content, permissions, true);
    }

    /**
     * Temp name and rename without the fsync, for a bundle file that lives no longer than its
     * monitor (the spec, the pids, an exec's spec, a terminal size): a host crash ends the monitor
     * too and the next start writes them afresh, while a daemon crash keeps the page cache. The
     * rename still keeps readers (the shim, a restarted daemon) from seeing half a file.
     */
    static void writeEphemeral(Path target, byte[] content) throws IOException {
        write(target, content, OWNER_ONLY, false);
    }

    private static void write(Path target, byte[] content, Set<PosixFilePermission> permissions, boolean durable)
            throws IOException {
        Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                if (durable) {
                    channel.force(true);
                }
            }
            Files.setPosixFilePermissions(temp, permissions);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }
}
