package io.launcher.backend.lxc;

import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * LXC keeps a lock directory per lxcpath under {@code /run/lxc/lock} (the state folder's path
 * repeated there); delete removes a container's lock file, but every test has a state folder of
 * its own, so the empty directories LXC made for it are removed after the test (after the
 * kit's own clean-up, which deletes the sandboxes). A directory still holding a lock stays.
 */
final class LxcLockCleanup implements AfterEachCallback {
    private static final Path LOCKS = Path.of("/run/lxc/lock");
    private final List<Path> roots = new ArrayList<>();

    /** Forgets {@code /run/lxc/lock/<temp>} after the test, {@code temp} being the folder holding the state. */
    Path track(Path stateDir) {
        roots.add(LOCKS.resolve(LOCKS.getRoot().relativize(stateDir.toAbsolutePath().getParent())));
        return stateDir;
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        for (Path root : roots) {
            if (Files.isDirectory(root)) {
                removeEmptyDirectories(root);
            }
        }
        roots.clear();
    }

    private static void removeEmptyDirectories(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.filter(Files::isDirectory).sorted(Comparator.reverseOrder()).toList()) {
                try {
                    Files.deleteIfExists(path);
                } catch (DirectoryNotEmptyException e) {
                    // a container's lock is still there: its directory stays with it
                }
            }
        }
    }
}
