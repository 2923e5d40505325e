package io.launcher.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.launcher.api.InvalidSpecException;
import io.launcher.spi.storage.FileAttributes;
import io.launcher.spi.storage.LayerEntry;
import io.launcher.spi.storage.LayerReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A copy's tar lands inside the container, under links resolved there, and keeps the image's folders as they are. */
class ArchiveExtractionTest {
    private static final FileAttributes OWNED = new FileAttributes(0640, 1000, 1000, Instant.EPOCH, Map.of());

    private static List<String> extract(String directory, boolean copyOwners, boolean noOverwrite, LayerEntry... entries)
            throws IOException {
        Deque<LayerEntry> queue = new ArrayDeque<>(List.of(entries));
        LayerReader source = () -> Optional.ofNullable(queue.pollFirst());
        ArchiveExtraction extraction = new ArchiveExtraction(FileTreeTest.tree(), directory, source, copyOwners, noOverwrite);
        List<String> written = new ArrayList<>();
        for (Optional<LayerEntry> e = extraction.next(); e.isPresent(); e = extraction.next()) {
            written.add(describe(e.get()));
        }
        return written;
    }

    private static String describe(LayerEntry entry) {
        if (entry instanceof LayerEntry.Directory d) {
            return "dir " + d.path() + " " + Integer.toOctalString(d.attributes().mode());
        } else if (entry instanceof LayerEntry.RegularFile f) {
            return "file " + f.path() + " " + f.attributes().uid();
        } else if (entry instanceof LayerEntry.Symlink s) {
            return "link " + s.path() + " -> " + s.target();
        } else if (entry instanceof LayerEntry.Hardlink h) {
            return "hardlink " + h.path() + " -> " + h.target();
        }
        return entry.toString();
    }

    private static LayerEntry.RegularFile file(String path) {
        return new LayerEntry.RegularFile(path, OWNED, 1, new ByteArrayInputStream(new byte[] {'x'}));
    }

    @Test
    void parentsTheImageHoldsKeepTheirModeAndMissingOnesAreCreated() throws IOException {
        assertEquals(List.of("dir tmp 1777", "dir tmp/a 755", "dir tmp/a/b 755", "file tmp/a/b/f 0"),
                extract("tmp", false, false, file("a/b/f")));
    }

    @Test
    void ownersAreKeptOnlyInArchiveMode() throws IOException {
        assertEquals(List.of("dir tmp 1777", "file tmp/f 1000"), extract("tmp", true, false, file("f")));
    }

    @Test
    void aLinkTheArchiveBringsLeadsInsideTheContainerNeverOut() throws IOException {
        List<String> written = extract("tmp", false, false,
                new LayerEntry.Symlink("out", OWNED, "/"),
                new LayerEntry.Symlink("up", OWNED, "../../../../.."),
                file("out/etc/evil"),
                file("up/etc/evil2"));
        assertEquals(List.of("dir tmp 1777", "link tmp/out -> /", "link tmp/up -> ../../../../..",
                "dir etc 755", "file etc/evil 0", "file etc/evil2 0"), written);
    }

    @Test
    void linksOfTheImageOnTheWayAreFollowedInside() throws IOException {
        assertEquals(List.of("dir usr 755", "dir usr/lib 755", "file usr/lib/x.so 0"),
                extract("", false, false, file("lib/x.so")));
        assertEquals(List.of("dir etc 755", "file etc/f 0", "hardlink etc/g -> etc/f"),
                extract("etc", false, false, file("f"), new LayerEntry.Hardlink("g", "f")));
    }

    @Test
    void whiteoutsAreRefused() {
        assertThrows(InvalidSpecException.class, () -> extract("tmp", false, false, new LayerEntry.Whiteout("etc")));
    }

    @Test
    void noOverwriteDirNonDirRefusesToReplaceAFolderWithAFile() throws IOException {
        assertThrows(InvalidSpecException.class, () -> extract("", false, true, file("etc")));
        assertThrows(InvalidSpecException.class,
                () -> extract("etc", false, true, new LayerEntry.Directory("passwd", OWNED)));
        assertEquals(List.of("file etc 0"), extract("", false, false, file("etc")));
    }
}
