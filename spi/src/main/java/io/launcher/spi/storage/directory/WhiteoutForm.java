package io.launcher.spi.storage.directory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * How one storage driver writes deletions on disk: overlayfs as a character device 0/0 and the
 * {@code trusted.overlay.opaque} attribute, AUFS as {@code .wh.} files. {@link LayerDirectory}
 * does everything else the same way for all drivers.
 */
public interface WhiteoutForm {

    /** Records in {@code directory} that {@code name} of the parent layers is deleted; nothing is there yet. */
    void writeWhiteout(Path directory, String name) throws IOException;

    /** Records that {@code directory} hides everything the parent layers hold below it. */
    void markOpaque(Path directory) throws IOException;

    /** When the entry {@code name} in {@code directory} is a whiteout, the name it deletes. */
    Optional<String> whiteoutOf(Path directory, String name, FileNodes.Stat stat) throws IOException;

    boolean isOpaque(Path directory) throws IOException;

    /** Entries the form or its filesystem keep for themselves and a diff never shows. */
    boolean isInternalName(String name);

    /** Extended attributes the filesystem keeps for itself and a diff never shows. */
    boolean isInternalXattr(String name);
}
