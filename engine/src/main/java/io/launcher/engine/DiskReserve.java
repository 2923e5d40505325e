package io.launcher.engine;

import io.launcher.api.InternalException;
import io.launcher.api.SystemCallFailedException;
import io.launcher.layer.WriteMeter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Keeps the state root's filesystem above its reserve ({@link MinFreeSpace}) while an untrusted
 * stream is written into it. Each operation takes a {@link #meter()}, shown every byte it
 * passes on to be written; free space is asked of the filesystem only every {@link #interval()}
 * bytes (statvfs is cheap, but not per 64 kB read) or every {@value #PERIOD_MILLIS} ms (a hard
 * link copied up writes without reading). The interval is a quarter of the reserve (256 kB to
 * 16 MiB), so a stream alone stops with at least three quarters of it still free. Several
 * streams at once each overshoot by at most their interval; the reserve is what absorbs that, and
 * what the store, the logs and the running containers keep once a stream is stopped. The reserve
 * is worked out from the filesystem's size at each look (the same statvfs), so a filesystem
 * grown, shrunk or remounted under the running engine is followed.
 */
final class DiskReserve {
    static final long PERIOD_MILLIS = 200;
    private static final long MIN_INTERVAL = 256L << 10;
    private static final long MAX_INTERVAL = 16L << 20;

    private final Path root;
    private final FreeSpace space;
    private final LongSupplier nanoClock;
    private final MinFreeSpace setting;
    /** The reserve as of the last look: it sets the interval until the next one. */
    private volatile long reserve;

    DiskReserve(Path root, MinFreeSpace setting, FreeSpace space, LongSupplier nanoClock) throws IOException {
        this.root = root;
        this.space = space;
        this.nanoClock = nanoClock;
        this.setting = setting;
        this.reserve = setting.reserve(space.total());
    }

    /** The reserve of the filesystem under {@code root}, asked of the kernel. */
    static DiskReserve of(Path root, MinFreeSpace setting) {
        try {
            return new DiskReserve(root, setting, FreeSpace.of(root), System::nanoTime);
        } catch (IOException e) {
            throw new InternalException("unable to stat the filesystem of " + root + ": " + e.getMessage(), e);
        }
    }

    /** The reserve as of the last look at the filesystem. */
    long reserve() {
        return reserve;
    }

    /** Bytes written between two looks at the free space. */
    long interval() {
        return Math.max(MIN_INTERVAL, Math.min(MAX_INTERVAL, reserve / 4));
    }

    /** A meter for one operation; refuses at once when the filesystem is already below its reserve. */
    WriteMeter meter() {
        if (setting.percent() == 0 && setting.bytes() == 0) {
            return WriteMeter.NONE;
        }
        check();
        return new Meter();
    }

    /**
     * A meter for a write into a host folder ({@code cp} into a volume): the reserve's when the
     * folder shares the state root's filesystem (a volume under {@code /srv} fills {@code /} as
     * well), none when it lies on another one.
     */
    WriteMeter meterFor(Path folder) {
        try {
            if (!Files.getFileStore(folder).equals(Files.getFileStore(root))) {
                return WriteMeter.NONE;
            }
        } catch (IOException e) {
            // A folder that cannot be looked at is metered: the write fails there anyway, or is kept in bounds.
        }
        return meter();
    }

    /** Fails with Docker's words when the filesystem is below its reserve. */
    void check() {
        check(0);
    }

    /** The same, with {@code pending} bytes still to be written counted as gone. */
    private void check(long pending) {
        long free;
        long reserve;
        try {
            free = space.usable();
            reserve = setting.reserve(space.total());
        } catch (IOException e) {
            throw new InternalException("unable to stat the filesystem of " + root + ": " + e.getMessage(), e);
        }
        this.reserve = reserve;
        if (free - pending < reserve) {
            String left = pending == 0 ? size(free) + " free, below" : size(free) + " free, and " + size(pending)
                    + " to write would go below";
            throw new SystemCallFailedException("write to", root.toString(), "no space left on device ("
                    + left + " the " + size(reserve) + " kept by --min-free-space)");
        }
    }

    static String size(long bytes) {
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB", "PiB"};
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return unit == 0 ? bytes + "B" : String.format(Locale.ROOT, "%.1f%s", value, units[unit]);
    }

    /** One operation's count since the last look. */
    private final class Meter implements WriteMeter {
        private final long periodNanos = PERIOD_MILLIS * 1_000_000;
        private long sinceCheck;
        private long lastCheck = nanoClock.getAsLong();

        @Override
        public void passed(long bytes) {
            sinceCheck += bytes;
            long now = nanoClock.getAsLong();
            if (sinceCheck >= interval() || now - lastCheck >= periodNanos) {
                sinceCheck = 0;
                lastCheck = now;
                check();
            }
        }

        @Override
        public void before(long bytes) {
            if (bytes < interval()) {
                passed(bytes);
                return;
            }
            sinceCheck = 0;
            lastCheck = nanoClock.getAsLong();
            check(bytes);
        }
    }
}
