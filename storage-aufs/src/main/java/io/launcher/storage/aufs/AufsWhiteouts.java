package io.launcher.storage.aufs;

import io.launcher.spi.storage.directory.ConfinedRoot;
import io.launcher.spi.storage.directory.FileNodes;
import io.launcher.spi.storage.directory.WhiteoutForm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

/**
 * AUFS's own on-disk form of deletions: an empty file {@code .wh.<name>} beside a deleted name,
 * {@code .wh..wh..opq} inside a directory that hides the lower branches' content. Names starting
 * with {@code .wh..wh.} are AUFS's bookkeeping ({@code .wh..wh.aufs}, {@code .wh..wh.plnk},
 * {@code .wh..wh.orph}).
 */
final class AufsWhiteouts implements WhiteoutForm {
    static final String PREFIX = ".wh.";
    static final String META_PREFIX = PREFIX + PREFIX;
    static final String OPAQUE = META_PREFIX + ".opq";

    @Override
    public void writeWhiteout(Path directory, String name) throws IOException {
        Path marker = directory.resolve(PREFIX + name);
        Files.deleteIfExists(marker);
        Files.createFile(marker);
    }

    @Override
    public void markOpaque(Path directory) throws IOException {
        Path marker = directory.resolve(OPAQUE);
        if (ConfinedRoot.lstat(marker) == null) {
            Files.createFile(marker);
        }
    }

    @Override
    public Optional<String> whiteoutOf(Path directory, String name, FileNodes.Stat stat) {
        if (name.startsWith(PREFIX) && !name.startsWith(META_PREFIX) && name.length() > PREFIX.length()) {
            return Optional.of(name.substring(PREFIX.length()));
        }
        return Optional.empty();
    }

    @Override
    public boolean isOpaque(Path directory) throws IOException {
        BasicFileAttributes marker = ConfinedRoot.lstat(directory.resolve(OPAQUE));
        return marker != null && marker.isRegularFile();
    }

    @Override
    public boolean isInternalName(String name) {
        return name.startsWith(META_PREFIX);
    }

    @Override
    public boolean isInternalXattr(String name) {
        return false;
    }
}
