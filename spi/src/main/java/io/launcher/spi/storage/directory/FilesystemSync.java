package io.launcher.spi.storage.directory;

import io.launcher.api.SystemCallFailedException;
import java.nio.file.Path;

/**
 * Makes a new layer's content durable before it is published. A layer is written without a
 * single fsync (thousands of files for an image) and appears by one rename of its meta; a power
 * loss after that rename could leave the layer named but its files empty. One {@code syncfs(2)}
 * of the store's filesystem before the rename writes back every file of the layer at once, for
 * the price of one device flush instead of one per file.
 */
final class FilesystemSync {
    private FilesystemSync() {
    }

    /** Writes back the filesystem that holds {@code directory} (all of it: syncfs has no finer grain). */
    static void sync(Path directory) {
        int fd = Libc.open(directory.toString(), Libc.O_RDONLY | Libc.O_DIRECTORY | Libc.O_CLOEXEC);
        if (fd < 0) {
            throw new SystemCallFailedException("open", directory.toString(), Errno.name(Errno.last()));
        }
        try {
            if (Libc.syncfs(fd) != 0) {
                throw new SystemCallFailedException("syncfs", directory.toString(), Errno.name(Errno.last()));
            }
        } finally {
            Libc.close(fd);
        }
    }
}
