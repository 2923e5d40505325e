package io.launcher.layer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.launcher.api.InvalidSpecException;
import io.launcher.spi.storage.directory.FileNodes;
import io.launcher.spi.storage.directory.LayerDirectory;
import io.launcher.spi.storage.directory.WhiteoutForm;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile tarballs read by TarLayerReader and written by the storage's LayerDirectory: nothing lands outside. */
@Tag("privileged")
class HostileLayerApplyTest {
    @TempDir
    Path temp;

    private Path layer;
    private Path outside;

    @BeforeEach
    void directories() throws IOException {
        Assumptions.assumeTrue((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid") == 0,
                "needs root: the tar entries are owned by root");
        layer = Files.createDirectories(temp.resolve("layer"));
        outside = Files.createDirectories(temp.resolve("outside"));
    }

    private void apply(byte[] tar) throws IOException {
        try (TarLayerReader reader = new TarLayerReader(new ByteArrayInputStream(tar))) {
            new LayerDirectory(layer, List.of(), new AufsLikeForm()).apply(reader);
        }
    }

    @Test
    void writingThroughASymbolicLinkIsRefused() {
        byte[] tar = new RawTar().link("escape", TarConstants.LF_SYMLINK, outside.toString())
                .file("escape/pwned", "x").bytes();
        assertThrows(InvalidSpecException.class, () -> apply(tar));
        assertFalse(Files.exists(outside.resolve("pwned")));
    }

    @Test
    void hardLinkThroughASymbolicLinkIsRefused() throws IOException {
        Files.writeString(outside.resolve("secret"), "s");
        byte[] tar = new RawTar().link("escape", TarConstants.LF_SYMLINK, outside.toString())
                .link("stolen", TarConstants.LF_LINK, "escape/secret").bytes();
        assertThrows(InvalidSpecException.class, () -> apply(tar));
        assertFalse(Files.exists(layer.resolve("stolen")));
    }

    @Test
    void aFileReplacesADirectoryAsTarDoes() throws IOException {
        apply(new RawTar().directory("thing/").file("thing/inside", "i").file("thing", "now a file").bytes());
        assertEquals("now a file", Files.readString(layer.resolve("thing")));
    }

    @Test
    void aKnownDirectoryReplacedByASymbolicLinkIsNotWrittenThrough() throws IOException {
        Files.createDirectories(outside.resolve("sub"));
        byte[] tar = new RawTar().directory("d/").directory("d/sub/").file("d/sub/ok", "x")
                .link("d", TarConstants.LF_SYMLINK, outside.toString()).file("d/sub/pwned", "x").bytes();
        assertThrows(InvalidSpecException.class, () -> apply(tar));
        assertFalse(Files.exists(outside.resolve("sub/pwned")));
    }

    @Test
    void aKnownDirectoryReplacedByAFileIsNotADirectoryAnyMore() throws IOException {
        byte[] tar = new RawTar().directory("d/").file("d/a", "x").file("d", "now a file").file("d/b", "y").bytes();
        assertThrows(InvalidSpecException.class, () -> apply(tar));
        assertEquals("now a file", Files.readString(layer.resolve("d")));
    }

    @Test
    void aWhiteoutForgetsTheDirectoryItDeletes() throws IOException {
        Files.createDirectories(outside.resolve("e"));
        // d and d/e are implied by d/e/a, so known without entries of their own.
        byte[] tar = new RawTar().file("d/e/a", "x").file(".wh.d", "")
                .link("d", TarConstants.LF_SYMLINK, outside.toString()).file("d/e/pwned", "x").bytes();
        assertThrows(InvalidSpecException.class, () -> apply(tar));
        assertFalse(Files.exists(outside.resolve("e/pwned")));
    }

    @Test
    void anExistingFileIsReplacedInPlace() throws IOException {
        apply(new RawTar().file("f", "first").link("l", TarConstants.LF_SYMLINK, "f").directory("d/").bytes());
        apply(new RawTar().file("f", "second").link("l", TarConstants.LF_SYMLINK, "g").file("d", "file").bytes());
        assertEquals("second", Files.readString(layer.resolve("f")));
        assertEquals("g", Files.readSymbolicLink(layer.resolve("l")).toString());
        assertEquals("file", Files.readString(layer.resolve("d")));
    }

    /** The simplest whiteout form, enough for these tests. */
    private static final class AufsLikeForm implements WhiteoutForm {
        @Override
        public void writeWhiteout(Path directory, String name) throws IOException {
            Files.createFile(directory.resolve(".wh." + name));
        }

        @Override
        public void markOpaque(Path directory) throws IOException {
            Files.createFile(directory.resolve(".wh..wh..opq"));
        }

        @Override
        public Optional<String> whiteoutOf(Path directory, String name, FileNodes.Stat stat) {
            return name.startsWith(".wh.") ? Optional.of(name.substring(4)) : Optional.empty();
        }

        @Override
        public boolean isOpaque(Path directory) {
            return Files.exists(directory.resolve(".wh..wh..opq"));
        }

        @Override
        public boolean isInternalName(String name) {
            return name.startsWith(".wh..wh.");
        }

        @Override
        public boolean isInternalXattr(String name) {
            return false;
        }
    }
}
