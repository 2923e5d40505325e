package io.launcher.cli;

import io.launcher.http.ChannelOutput;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Where {@code save}, {@code export} and {@code cp CONTAINER:PATH -} write their tar: stdout, or
 * with {@code -o} a file that appears whole or not at all (a temporary name beside it, renamed
 * once written), so a failure, a wrong name included, leaves no partial or empty file behind, and
 * the file it replaces in place. Both are channels where it can ({@link ChannelOutput}).
 * <p>
 * ext4 (auto_da_alloc) writes a file's pages out at once, inside the call, when a file truncated
 * to nothing is closed and when a file is renamed over another: up to a hundred milliseconds each
 * for an export of a hundred megabytes. {@code Files.createTempFile} then {@code newOutputStream}
 * reopens the file with O_TRUNC and pays the first, a rename over an older tar the second; here
 * the temporary file is created once, written, and an older tar is removed before the rename,
 * so the page cache writes the new one out later, as it does for {@code curl -o}.
 */
final class TarOutput {
    /** The mode of the docker CLI's temporary file (Go's os.CreateTemp), kept by the rename. */
    private static final FileAttribute<?> OWNER_ONLY =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
    private static final Set<StandardOpenOption> CREATE = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    private static final int NAME_ATTEMPTS = 10;

    /** What writes the tar. */
    @FunctionalInterface
    interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    /** A file this call created, open for writing. */
    private record Temporary(Path path, FileChannel channel) {
    }

    private TarOutput() {
    }

    static void write(Session session, Path file, Body body) throws IOException {
        if (file == null) {
            OutputStream out = stdout(session);
            body.writeTo(out);
            out.flush();
            return;
        }
        Path target = file.toAbsolutePath();
        Temporary temp = createBeside(target);
        try {
            try (OutputStream out = new ChannelOutput(temp.channel(), target.toString())) {
                body.writeTo(out);
            }
            replace(temp.path(), target);
        } finally {
            Files.deleteIfExists(temp.path());
        }
    }

    /**
     * The session's stdout; the process's own as a channel on descriptor 1 (a file, a pipe), which
     * a download writes from a direct buffer: System.out would take every byte through the heap
     * and a native copy of it. Not closed: the descriptor outlives the command.
     */
    private static OutputStream stdout(Session session) {
        if (session.out() != System.out) {
            return session.out();
        }
        System.out.flush();
        return new ChannelOutput(new FileOutputStream(FileDescriptor.out).getChannel(), "/dev/stdout");
    }

    /** A new, empty, owner-only file named after {@code target} in its folder (O_CREAT|O_EXCL, no truncation). */
    private static Temporary createBeside(Path target) throws IOException {
        for (int attempt = 1; ; attempt++) {
            String random = Long.toUnsignedString(ThreadLocalRandom.current().nextLong());
            Path path = target.resolveSibling("." + target.getFileName() + "." + random + ".tmp");
            try {
                return new Temporary(path, FileChannel.open(path, CREATE, OWNER_ONLY));
            } catch (FileAlreadyExistsException e) {
                if (attempt == NAME_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /**
     * Moves the written tar to its name, an older regular file of that name removed first (see
     * above). A reader sees the old tar, no file for the moment between the two calls, or the
     * whole new tar.
     */
    private static void replace(Path temp, Path target) throws IOException {
        if (Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
            Files.deleteIfExists(target);
        }
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
