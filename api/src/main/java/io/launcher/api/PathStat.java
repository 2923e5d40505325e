package io.launcher.api;

import java.time.Instant;

/**
 * A path of a container's filesystem as {@code docker cp} sees it before copying (Docker's
 * {@code X-Docker-Container-Path-Stat}): the base name asked for, the size, the Unix mode with
 * its file type bits ({@code S_IFDIR}, {@code S_IFLNK} ...), the modification time, and for a
 * symbolic link its target resolved inside the container (an absolute container path).
 */
public record PathStat(String name, long size, int mode, Instant modified, String linkTarget) {
    public static final int TYPE_MASK = 0170000;
    public static final int DIRECTORY = 0040000;
    public static final int REGULAR = 0100000;
    public static final int SYMLINK = 0120000;

    public boolean isDirectory() {
        return (mode & TYPE_MASK) == DIRECTORY;
    }

    public boolean isSymlink() {
        return (mode & TYPE_MASK) == SYMLINK;
    }

    public boolean isRegularFile() {
        return (mode & TYPE_MASK) == REGULAR;
    }
}
