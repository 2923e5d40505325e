package io.launcher.engine;

import io.launcher.api.InternalException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes to the state root that appear whole or not at all: a temporary name in the same folder,
 * fsync, rename over the target, fsync of the folder. A killed engine leaves at most a stray
 * temporary file, which {@link #removeLeftovers(Path)} clears at start.
 */
final class AtomicFiles {
    private static final String TEMP_PREFIX = ".tmp-";

    private AtomicFiles() {
    }

    static void write(Path target, byte[] content) {
        write(target, content, true);
    }

    /**
     * The same temporary name, fsync and rename, without the fsync of the folder: the file a
     * rename brings in is always whole, but a power loss may undo the rename itself, leaving the
     * previous version (or, for a new file, none). For records written on every step of a
     * container's life, where the folder's journal commit would double the cost; see
     * {@link ContainerStore} for what a power loss can roll back.
     */
    static void replace(Path target, byte[] content) {
        write(target, content, false);
    }

    private static void write(Path target, byte[] content, boolean renameDurable) {
        Path dir = target.getParent();
        Path temp = dir.resolve(TEMP_PREFIX + target.getFileName() + "-" + Long.toHexString(ThreadLocalRandom.current().nextLong()));
        try {
            Files.createDirectories(dir);
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("the state root's filesystem cannot rename atomically", e);
            }
            if (renameDurable) {
                syncDirectory(dir);
            }
        } catch (IOException e) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw new InternalException("unable to write " + target + ": " + e.getMessage(), e);
        }
    }

    static void syncDirectory(Path dir) throws IOException {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    /** Deletes the temporary files an interrupted write left in {@code dir}. */
    static void removeLeftovers(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (var entries = Files.newDirectoryStream(dir, TEMP_PREFIX + "*")) {
            for (Path entry : entries) {
                Files.deleteIfExists(entry);
            }
        }
    }
}
