package io.launcher.engine;

/**
 * A container path as {@code docker cp} sends it: absolute (a relative one starts at the root);
 * a trailing {@code /} or {@code /.} asks for its last component to be followed when it is a
 * symbolic link, and {@code /.} names the directory's content (base name {@code .}).
 */
record ArchivePath(String path, boolean followLast, String baseName) {

    static ArchivePath of(String requested) {
        String path = requested.startsWith("/") ? requested : "/" + requested;
        boolean contentOnly = path.equals("/.") || path.endsWith("/.");
        boolean followLast = contentOnly || path.endsWith("/");
        String trimmed = path;
        while (trimmed.length() > 1 && trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        String base = contentOnly ? "." : trimmed.substring(trimmed.lastIndexOf('/') + 1);
        return new ArchivePath(path, followLast, base.isEmpty() ? "/" : base);
    }

    /** The prefix of the entries of a tar of this path: the base name, {@code .} for the root. */
    String entryName() {
        return baseName.equals("/") ? "." : baseName;
    }
}
