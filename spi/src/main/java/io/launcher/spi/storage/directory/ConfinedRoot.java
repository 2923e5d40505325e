package io.launcher.spi.storage.directory;

import io.launcher.api.InvalidSpecException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A layer's root directory, and the only way to turn a layer path into a host path: every parent
 * component is checked without following links, so that no entry reaches outside the root even
 * when an earlier entry made a component a symbolic link to {@code /}.
 */
public final class ConfinedRoot {
    private static final Pattern SEPARATOR = Pattern.compile("/");

    private final Path root;

    public ConfinedRoot(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    /** Splits a neutral layer path into its components, refusing anything not relative and normalised. */
    public static List<String> components(String layerPath) {
        if (layerPath.isEmpty() || layerPath.startsWith("/") || layerPath.indexOf('\0') >= 0) {
            throw new InvalidSpecException("invalid layer path \"" + layerPath + "\"");
        }
        List<String> parts = List.of(SEPARATOR.split(layerPath, -1));
        for (String part : parts) {
            if (part.isEmpty() || part.equals(".") || part.equals("..")) {
                throw new InvalidSpecException("invalid layer path \"" + layerPath + "\"");
            }
        }
        return parts;
    }

    /**
     * The host path of {@code layerPath} with its parent directories checked and, when
     * {@code create} is set, created (mode 0755, as tar does for implied directories).
     */
    public Path resolve(String layerPath, boolean create) throws IOException {
        List<String> parts = components(layerPath);
        Path current = root;
        for (String part : parts.subList(0, parts.size() - 1)) {
            current = current.resolve(part);
            BasicFileAttributes attributes = lstat(current);
            if (attributes == null) {
                if (!create) {
                    throw new NoSuchFileException(current.toString());
                }
                Files.createDirectory(current);
            } else if (attributes.isSymbolicLink()) {
                throw new InvalidSpecException("refusing to write " + layerPath + " through symbolic link "
                        + root.relativize(current));
            } else if (!attributes.isDirectory()) {
                throw new InvalidSpecException("refusing to write " + layerPath + ": "
                        + root.relativize(current) + " is not a directory");
            }
        }
        return current.resolve(parts.get(parts.size() - 1));
    }

    /** The path's attributes without following links, or null when nothing is there. */
    public static BasicFileAttributes lstat(Path path) throws IOException {
        try {
            return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return null;
        }
    }
}
