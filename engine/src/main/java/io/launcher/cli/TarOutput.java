package io.launcher.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Where {@code save} and {@code export} write their tar: stdout, or with {@code -o} a file that
 * appears whole or not at all (a temporary name beside it, renamed once written), so a failure,
 * a wrong name included, leaves no partial or empty file behind, and the file it replaces in place.
 */
final class TarOutput {

    /** What writes the tar. */
    @FunctionalInterface
    interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    private TarOutput() {
    }

    static void write(Session session, Path file, Body body) throws IOException {
        if (file == null) {
            OutputStream out = session.out();
            body.writeTo(out);
            out.flush();
            return;
        }
        Path target = file.toAbsolutePath();
        Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName() + ".", ".tmp");
        try {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16)) {
                body.writeTo(out);
            }
            replace(temp, target);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * Moves the written tar to its name. An older regular file of that name is removed first:
     * ext4 (auto_da_alloc) has a rename over an existing file write the new file's pages out at
     * once, inside the rename (a hundred milliseconds for an export of a hundred megabytes), where
     * a rename to a free name costs nothing and the page cache writes them out later. A reader
     * sees the old tar, no file for the moment between the two calls, or the whole new tar.
     */
    private static void replace(Path temp, Path target) throws IOException {
        if (Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
            Files.deleteIfExists(target);
        }
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
