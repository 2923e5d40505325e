package io.launcher.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Where {@code save} and {@code export} write their tar: stdout, or with {@code -o} a file that
 * appears whole or not at all (a temporary name beside it, renamed once written), so a failure,
 * a wrong name included, leaves no partial or empty file behind.
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
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
