package io.launcher.backend.linux;

import io.launcher.api.InternalException;
import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;

/**
 * A container's folder, {@code <stateDir>/containers/<id>/}: spec (written by us), pids (the
 * monitor and init), rootfs (the mount point, only mounted inside the container's mount
 * namespace), monitor.sock (while the monitor lives), exit (once the init ended).
 */
record Bundle(Path dir) {

    Path spec() {
        return dir.resolve("spec");
    }

    Path pids() {
        return dir.resolve("pids");
    }

    Path rootfs() {
        return dir.resolve("rootfs");
    }

    Path socket() {
        return dir.resolve("monitor.sock");
    }

    Path exitFile() {
        return dir.resolve("exit");
    }

    /**
     * Removes the folder; nothing is mounted on the host below it. The names a bundle holds once
     * its monitor is done go one call each (this is on the path of every {@code run --rm}); a
     * walk takes whatever else is there (a monitor cut short, a file of an earlier build).
     */
    void remove() {
        try {
            for (Path known : List.of(exitFile(), pids(), spec(), rootfs())) {
                Files.deleteIfExists(known);
            }
            Files.deleteIfExists(dir);
        } catch (DirectoryNotEmptyException e) {
            walkAndRemove();
        } catch (IOException e) {
            throw new InternalException("unable to remove " + dir + ": " + e.getMessage(), e);
        }
    }

    private void walkAndRemove() {
        if (!Files.exists(dir)) {
            return;
        }
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException failure) throws IOException {
                    // the monitor may unlink its socket while we walk
                    if (failure instanceof java.nio.file.NoSuchFileException) {
                        return FileVisitResult.CONTINUE;
                    }
                    throw failure;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path folder, IOException failure) throws IOException {
                    Files.deleteIfExists(folder);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new InternalException("unable to remove " + dir + ": " + e.getMessage(), e);
        }
    }
}
