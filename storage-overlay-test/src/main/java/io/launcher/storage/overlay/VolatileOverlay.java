package io.launcher.storage.overlay;

import io.launcher.api.InternalException;
import io.launcher.spi.Mount;
import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A disposable snapshot's overlay ({@code StorageDriver.disposableMounts}: the root of a container
 * removed when it exits) mounted {@code volatile} (Linux 5.10): overlayfs then never syncs its upper
 * filesystem. Without it, the unmount as the container's mount namespace goes syncs the whole
 * filesystem the layer lives on, waiting for whatever any process dirtied there: 10-30 ms per
 * unmount with other writers busy on the disk against 3-4 ms volatile, all of it between the
 * container's exit and its waiters' answer. The layer is removed right after, and a host crash
 * ends such a container anyway.
 * <p>
 * The kernel leaves a mark in the work dir ({@code work/incompat/volatile}) and refuses to mount
 * the layer again while it is there, since a crash would have left the layer unsynced. A
 * disposable snapshot mounted again (the same container started once more, after a clean unmount)
 * takes its layer as it is: the mark goes first.
 */
final class VolatileOverlay {
    static final boolean SUPPORTED = kernelAtLeast(osRelease(), 5, 10);

    private VolatileOverlay() {
    }

    /** {@code mounts} with every overlay volatile, the mark of an earlier volatile mount in {@code workDir} cleared. */
    static List<Mount> of(List<Mount> mounts, Path workDir) {
        clearMark(workDir);
        List<Mount> result = new ArrayList<>(mounts.size());
        for (Mount mount : mounts) {
            if (mount.type().equals("overlay") && !mount.options().contains("volatile")) {
                List<String> options = new ArrayList<>(mount.options());
                options.add("volatile");
                result.add(new Mount(mount.type(), mount.source(), options));
            } else {
                result.add(mount);
            }
        }
        return List.copyOf(result);
    }

    static void clearMark(Path workDir) {
        Path incompat = workDir.resolve("work/incompat");
        try {
            Files.deleteIfExists(incompat.resolve("volatile/dirty"));
            Files.deleteIfExists(incompat.resolve("volatile"));
            Files.deleteIfExists(incompat);
        } catch (DirectoryNotEmptyException otherFeature) {
            // A mark of another incompatible feature: not this class's to clear, and the mount says so.
        } catch (IOException e) {
            throw new InternalException("unable to clear the volatile mark of " + workDir + ": " + e.getMessage(), e);
        }
    }

    /** {@code release} as /proc/sys/kernel/osrelease gives it, e.g. {@code 6.18.0-1-amd64}. */
    static boolean kernelAtLeast(String release, int major, int minor) {
        String[] parts = release.split("[.-]");
        try {
            int hasMajor = Integer.parseInt(parts[0]);
            int hasMinor = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
            return hasMajor > major || (hasMajor == major && hasMinor >= minor);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String osRelease() {
        try {
            return Files.readString(Path.of("/proc/sys/kernel/osrelease")).trim();
        } catch (IOException e) {
            return "";
        }
    }
}
