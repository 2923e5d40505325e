package io.launcher.engine;

/**
 * The free space the state root's filesystem keeps ({@code launcher daemon --min-free-space}):
 * a share of the filesystem, a number of bytes, or the smaller of both. Untrusted streams
 * (import, load, pull, cp into a container) stop before the filesystem drops below it, so a
 * hostile archive cannot fill the disk under the store and the running containers. BuildKit's
 * garbage collector takes its {@code minFreeSpace} in the same two forms.
 */
public record MinFreeSpace(double percent, long bytes) {
    /** 5% of the filesystem, at most 1 GiB: a large disk need not hold back 5% of itself. */
    public static final MinFreeSpace DEFAULT = new MinFreeSpace(5, 1L << 30);
    /** No reserve: only a full filesystem stops a write. */
    public static final MinFreeSpace NONE = new MinFreeSpace(0, 0);

    public MinFreeSpace {
        if (percent < 0 || percent > 100 || Double.isNaN(percent) || bytes < 0) {
            throw new IllegalArgumentException("invalid minimum free space: " + percent + "%, " + bytes + " bytes");
        }
    }

    public static MinFreeSpace ofPercent(double percent) {
        return new MinFreeSpace(percent, 0);
    }

    public static MinFreeSpace ofBytes(long bytes) {
        return new MinFreeSpace(0, bytes);
    }

    /** The bytes to keep free on a filesystem of {@code total} bytes. */
    public long reserve(long total) {
        long share = (long) (total * percent / 100);
        if (percent > 0 && bytes > 0) {
            return Math.min(share, bytes);
        }
        return percent > 0 ? share : bytes;
    }
}
