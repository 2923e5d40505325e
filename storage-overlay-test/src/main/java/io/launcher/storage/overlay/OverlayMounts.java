package io.launcher.storage.overlay;

import io.launcher.api.FailedPreconditionException;
import io.launcher.spi.Mount;
import io.launcher.spi.storage.SnapshotKind;
import io.launcher.spi.storage.directory.StoredSnapshot;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The mounts of a snapshot: an overlay of its parent chain, or a bind mount where overlayfs needs
 * no merging (no parent, or a read-only view of one layer).
 */
final class OverlayMounts {
    /** mount(2) copies its data argument into one page: the options must fit. */
    static final int OPTIONS_LIMIT = 4095;

    private OverlayMounts() {
    }

    static List<Mount> of(StoredSnapshot snapshot, List<StoredSnapshot> parents) {
        List<Path> lower = parents.stream().map(StoredSnapshot::fs).toList();
        if (snapshot.info().kind() == SnapshotKind.VIEW) {
            return view(snapshot, lower);
        }
        if (lower.isEmpty()) {
            return List.of(new Mount("bind", snapshot.fs().toString(), List.of("rbind", "rw")));
        }
        return List.of(overlay(snapshot, List.of(lowerdir(lower),
                "upperdir=" + snapshot.fs(), "workdir=" + snapshot.directory().resolve("work"))));
    }

    private static List<Mount> view(StoredSnapshot snapshot, List<Path> lower) {
        if (lower.size() <= 1) {
            Path source = lower.isEmpty() ? snapshot.fs() : lower.get(0);
            return List.of(new Mount("bind", source.toString(), List.of("rbind", "ro")));
        }
        // Without an upper dir overlayfs is read-only and needs no work dir.
        return List.of(overlay(snapshot, List.of(lowerdir(lower))));
    }

    private static String lowerdir(List<Path> lower) {
        return "lowerdir=" + lower.stream().map(Path::toString).collect(Collectors.joining(":"));
    }

    private static Mount overlay(StoredSnapshot snapshot, List<String> options) {
        int length = String.join(",", options).length();
        if (length > OPTIONS_LIMIT) {
            throw new FailedPreconditionException("overlay mount options of snapshot " + snapshot.info().key()
                    + " take " + length + " bytes, more than the " + OPTIONS_LIMIT + " a mount accepts");
        }
        return new Mount("overlay", "overlay", options);
    }
}
