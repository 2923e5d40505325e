package io.launcher.spi.storage.directory;

import java.util.NavigableSet;
import java.util.TreeSet;

/**
 * The layer paths that one apply created, or found, as real directories (not symbolic links):
 * a later entry below one of them resolves without an {@code lstat} of each parent component.
 * A path that an entry replaces or deletes is forgotten with everything below it, so a known path
 * always names a directory whose parents are directories too, as {@link ConfinedRoot} would check.
 */
final class KnownDirectories {
    private final NavigableSet<String> paths = new TreeSet<>();

    boolean contains(String layerPath) {
        return paths.contains(layerPath);
    }

    void add(String layerPath) {
        paths.add(layerPath);
    }

    /** Forgets {@code layerPath} and every path below it ('0' follows '/' in UTF-16 order). */
    void forget(String layerPath) {
        paths.remove(layerPath);
        paths.subSet(layerPath + "/", true, layerPath + "0", false).clear();
    }
}
