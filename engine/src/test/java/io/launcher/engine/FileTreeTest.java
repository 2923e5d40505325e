package io.launcher.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.launcher.api.InvalidSpecException;
import io.launcher.spi.storage.FileAttributes;
import io.launcher.spi.storage.LayerEntry;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Container paths resolve inside the container's root: links are data, never followed on the host. */
class FileTreeTest {
    static final FileAttributes DIR = new FileAttributes(0755, 0, 0, Instant.EPOCH, Map.of());
    static final FileAttributes FILE = new FileAttributes(0644, 0, 0, Instant.EPOCH, Map.of());

    static FileTree tree() {
        FileTree tree = new FileTree();
        tree.add(new LayerEntry.Directory("etc", DIR));
        tree.add(new LayerEntry.RegularFile("etc/passwd", FILE, 5, null));
        tree.add(new LayerEntry.Directory("usr", DIR));
        tree.add(new LayerEntry.Directory("usr/lib", DIR));
        tree.add(new LayerEntry.Symlink("lib", FILE, "usr/lib"));
        tree.add(new LayerEntry.Symlink("root-link", FILE, "/"));
        tree.add(new LayerEntry.Symlink("climb", FILE, "../../../../.."));
        tree.add(new LayerEntry.Symlink("abs-etc", FILE, "/etc"));
        tree.add(new LayerEntry.Symlink("loop-a", FILE, "loop-b"));
        tree.add(new LayerEntry.Symlink("loop-b", FILE, "/loop-a"));
        tree.add(new LayerEntry.Directory("tmp", new FileAttributes(01777, 0, 0, Instant.EPOCH, Map.of())));
        return tree;
    }

    @Test
    void absoluteLinksStartAgainAtTheContainersRoot() {
        assertEquals("etc/passwd", tree().resolve("/root-link/etc/passwd", false));
        assertEquals("etc/passwd", tree().resolve("/abs-etc/passwd", false));
        assertEquals("etc", tree().resolve("/root-link/root-link/abs-etc", true));
    }

    @Test
    void dotDotStopsAtTheRoot() {
        assertEquals("etc/passwd", tree().resolve("/../../../etc/passwd", false));
        assertEquals("etc/passwd", tree().resolve("/climb/etc/passwd", false));
        assertEquals("etc/passwd", tree().resolve("/usr/lib/../../../../etc/passwd", false));
    }

    @Test
    void relativeLinksResolveFromTheirDirectory() {
        assertEquals("usr/lib", tree().resolve("/lib", true));
        assertEquals("usr/lib/x.so", tree().resolve("/lib/x.so", false));
    }

    @Test
    void theLastLinkIsKeptUnlessFollowed() {
        assertEquals("abs-etc", tree().resolve("/abs-etc", false));
        assertEquals("etc", tree().resolve("/abs-etc", true));
        assertEquals(FileTree.Kind.SYMLINK, tree().lookup("abs-etc").orElseThrow().kind());
    }

    @Test
    void loopsAreRefused() {
        InvalidSpecException loop = assertThrows(InvalidSpecException.class, () -> tree().resolve("/loop-a/x", false));
        assertTrue(loop.getMessage().contains("too many levels of symbolic links"), loop.getMessage());
    }

    @Test
    void missingPathsResolveButDoNotExist() {
        assertEquals("nope/deeper", tree().resolve("/nope/deeper", false));
        assertTrue(tree().lookup("nope/deeper").isEmpty());
        assertTrue(tree().lookup("").orElseThrow().isDirectory());
    }

    @Test
    void archivePathsNameTheirTarEntries() {
        assertEquals(new ArchivePath("/etc/passwd", false, "passwd"), ArchivePath.of("/etc/passwd"));
        assertEquals(new ArchivePath("/etc/", true, "etc"), ArchivePath.of("/etc/"));
        assertEquals(new ArchivePath("/etc/.", true, "."), ArchivePath.of("/etc/."));
        assertEquals(new ArchivePath("/tmp", false, "tmp"), ArchivePath.of("tmp"));
        assertEquals(".", ArchivePath.of("/").entryName());
    }
}
