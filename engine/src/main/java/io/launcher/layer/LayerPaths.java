package io.launcher.layer;

import io.launcher.api.InvalidSpecException;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Turns a tar entry name into a neutral layer path: leading {@code /} and {@code ./} stripped,
 * {@code .} and empty components dropped, {@code ..} resolved lexically; a name that climbs
 * above the layer's root is refused.
 */
final class LayerPaths {

    private LayerPaths() {
    }

    /** The normalised path; empty for the layer's root itself. */
    static String normalise(String name, String entryName) {
        if (name.indexOf('\0') >= 0) {
            throw new InvalidSpecException("refusing layer entry " + quote(entryName) + ": NUL in its name");
        }
        Deque<String> parts = new ArrayDeque<>();
        for (String part : name.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (parts.isEmpty()) {
                    throw new InvalidSpecException("refusing layer entry " + quote(entryName) + ": it escapes the layer");
                }
                parts.removeLast();
            } else {
                parts.addLast(part);
            }
        }
        return String.join("/", parts);
    }

    static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    static String baseName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    static String join(String parent, String name) {
        return parent.isEmpty() ? name : parent + "/" + name;
    }

    /** Entry names come from hostile input: keep messages on one line. */
    static String quote(String name) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : name.toCharArray()) {
            quoted.append(c < 0x20 || c == 0x7f ? String.format("\\x%02x", (int) c) : String.valueOf(c));
        }
        return quoted.append('"').toString();
    }
}
