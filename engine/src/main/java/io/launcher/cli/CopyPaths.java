package io.launcher.cli;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Docker's rules for where {@code docker cp} puts things (its pkg/archive copy.go): paths are
 * split into a directory and a base name ({@code .} when the path ends in {@code /.}, meaning
 * "the content of"), and the archive's top entry is renamed to the destination's base name
 * unless the destination is an existing directory.
 */
final class CopyPaths {

    /** One side of a copy: the path, whether it exists and is a directory, the name the archive should carry. */
    record CopyInfo(String path, boolean exists, boolean isDirectory, String rebaseName) {
    }

    /** Where to extract ({@code directory}) and the new name of the archive's top entry (null: unchanged). */
    record Plan(String directory, String newBase) {
    }

    /** A copy the rules refuse; the message is Docker's. */
    static final class Refused extends Exception {
        Refused(String message) {
            super(message);
        }
    }

    private CopyPaths() {
    }

    /** Docker's PrepareArchiveCopy without the stream: the extraction directory and the renaming. */
    static Plan prepare(CopyInfo source, CopyInfo destination) throws Refused {
        String[] split = split(destination.path());
        if (destination.exists() && destination.isDirectory()) {
            return new Plan(destination.path(), source.rebaseName());
        }
        if (destination.exists() && source.isDirectory()) {
            throw new Refused("cannot copy directory");
        }
        if (!destination.exists() && !source.isDirectory() && assertsDirectory(destination.path())) {
            throw new Refused("no such directory");
        }
        return new Plan(split[0], split[1]);
    }

    /** Go's filepath.Clean: lexical, {@code .} for empty, no trailing slash but for the root. */
    static String clean(String path) {
        boolean absolute = path.startsWith("/");
        Deque<String> parts = new ArrayDeque<>();
        for (String part : path.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..") && !parts.isEmpty() && !parts.peekLast().equals("..")) {
                parts.removeLast();
            } else if (!(part.equals("..") && absolute)) {
                parts.addLast(part);
            }
        }
        String joined = String.join("/", parts);
        if (absolute) {
            return "/" + joined;
        }
        return joined.isEmpty() ? "." : joined;
    }

    /** Docker's SplitPathDirEntry: {directory, base}, base {@code .} for a path that names a directory's content. */
    static String[] split(String path) {
        String cleaned = clean(path);
        if (specifiesCurrentDir(path)) {
            cleaned = cleaned.equals("/") ? "/." : cleaned + "/.";
        }
        int slash = cleaned.lastIndexOf('/');
        if (slash < 0) {
            return new String[] {".", cleaned};
        }
        String directory = slash == 0 ? "/" : cleaned.substring(0, slash);
        String base = cleaned.substring(slash + 1);
        return new String[] {directory, base.isEmpty() ? "/" : base};
    }

    static String base(String path) {
        return split(clean(path))[1];
    }

    static boolean specifiesCurrentDir(String path) {
        return path.equals(".") || path.endsWith("/.");
    }

    static boolean assertsDirectory(String path) {
        return path.endsWith("/") || specifiesCurrentDir(path);
    }

    /** Docker's GetRebaseName: the link's target with the asked path's trailing "/" or "/.", and the name to keep. */
    static String[] rebaseName(String path, String resolved) {
        String target = resolved;
        if (specifiesCurrentDir(path) && !specifiesCurrentDir(target)) {
            target += "/.";
        }
        if (path.endsWith("/") && !target.endsWith("/")) {
            target += "/";
        }
        String rebase = base(path).equals(base(target)) ? null : base(path);
        return new String[] {target, rebase};
    }

    /**
     * The new name of an archive entry (a normalised path, {@code .} prefixes dropped) whose top
     * entry was {@code oldBase}: {@code oldBase} becomes {@code newBase}; empty for the top of a
     * content copy, which names the destination directory itself.
     */
    static String rebase(String entry, String oldBase, String newBase) {
        String rest;
        if (oldBase.equals(".")) {
            rest = entry.isEmpty() ? "" : "/" + entry;
        } else if (entry.equals(oldBase)) {
            rest = "";
        } else if (entry.startsWith(oldBase + "/")) {
            rest = entry.substring(oldBase.length());
        } else {
            return entry;
        }
        if (newBase.equals(".")) {
            return rest.isEmpty() ? "" : rest.substring(1);
        }
        return newBase + rest;
    }
}
