package io.launcher.engine;

import io.launcher.spi.Mount;
import java.util.ArrayList;
import java.util.List;

/**
 * The root filesystem of a container removed when it exits ({@code --rm}): its overlay is mounted
 * {@code volatile} (Linux 5.10), so the overlay skips every sync of its upper filesystem. Without
 * it, the kernel's unmount of the overlay as the container's mount namespace goes at the exit
 * syncs the whole filesystem the layer lives on (overlayfs' sync_fs, waiting for whatever any
 * process dirtied there): measured 10-30 ms per unmount with other writers busy on the same disk,
 * against 3-4 ms volatile, all of it between the container's exit and the answer of its waiters.
 * The layer is deleted a moment later, so nothing in it needed to reach the disk, and a host crash
 * ends such a container anyway. The kernel then refuses a later mount of the layer until a mark it
 * left in the work dir is cleared, which the isolation backend does when it mounts it volatile
 * again (a --rm container started once more).
 */
final class DisposableRootfs {
    private static final boolean SUPPORTED = kernelAtLeast(HostFacts.kernelVersion(), 5, 10);

    private DisposableRootfs() {
    }

    static List<Mount> of(List<Mount> mounts) {
        return SUPPORTED ? volatileOverlays(mounts) : mounts;
    }

    static List<Mount> volatileOverlays(List<Mount> mounts) {
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
}
