package io.launcher.engine;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The size and free space of the filesystem under a folder: the seam that lets a test make the
 * disk run out. The real one keeps the {@link FileStore} (finding it reads the mount table once)
 * and asks {@code statvfs(2)} at each call.
 */
interface FreeSpace {
    /** Bytes an unprivileged writer may still use (statvfs's f_bavail). */
    long usable() throws IOException;

    /** The filesystem's size in bytes. */
    long total() throws IOException;

    static FreeSpace of(Path folder) throws IOException {
        FileStore store = Files.getFileStore(Files.createDirectories(folder));
        return new FreeSpace() {
            @Override
            public long usable() throws IOException {
                return store.getUsableSpace();
            }

            @Override
            public long total() throws IOException {
                return store.getTotalSpace();
            }
        };
    }
}
