package io.launcher.engine;

import io.launcher.api.InternalException;
import io.launcher.api.UnavailableException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One engine per state root: an exclusive lock on {@code <root>/engine.lock}, taken before the
 * store is loaded. Without it a second daemon (two clients starting one at once) would run its
 * recovery over the first one's imports and commits and delete them mid-write. The kernel drops
 * the lock when the process dies, even by SIGKILL.
 */
public final class RootLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private RootLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    public static RootLock acquire(Path root) {
        Path file = root.resolve("engine.lock");
        try {
            Files.createDirectories(root);
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                throw new UnavailableException("another engine is already using the state root " + root);
            }
            return new RootLock(channel, lock);
        } catch (IOException e) {
            throw new InternalException("unable to lock the state root " + root + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws IOException {
        lock.release();
        channel.close();
    }
}
