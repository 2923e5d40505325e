package io.launcher.storage.overlay;

import io.launcher.spi.storage.LayerEntry.SpecialType;
import io.launcher.spi.storage.directory.FileNodes;
import io.launcher.spi.storage.directory.WhiteoutForm;
import io.launcher.spi.storage.directory.Xattrs;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/**
 * overlayfs's own on-disk form of deletions: a character device 0/0 in place of a deleted name,
 * and {@code trusted.overlay.opaque=y} on a directory that hides the lower layers' content.
 */
final class OverlayWhiteouts implements WhiteoutForm {
    static final String OPAQUE = "trusted.overlay.opaque";
    private static final byte[] YES = "y".getBytes(StandardCharsets.US_ASCII);

    @Override
    public void writeWhiteout(Path directory, String name) {
        FileNodes.mknod(directory.resolve(name), SpecialType.CHARACTER_DEVICE, 0, 0, 0);
    }

    @Override
    public void markOpaque(Path directory) {
        Xattrs.set(directory, OPAQUE, YES);
    }

    @Override
    public Optional<String> whiteoutOf(Path directory, String name, FileNodes.Stat stat) {
        return stat.isCharacterDevice() && stat.rdev() == 0 ? Optional.of(name) : Optional.empty();
    }

    @Override
    public boolean isOpaque(Path directory) {
        return Xattrs.get(directory, OPAQUE).map(value -> Arrays.equals(value, YES)).orElse(false);
    }

    @Override
    public boolean isInternalName(String name) {
        return false;
    }

    /** overlayfs keeps its bookkeeping (origin, impure, redirect, opaque) in trusted.overlay.*. */
    @Override
    public boolean isInternalXattr(String name) {
        return name.startsWith("trusted.overlay.");
    }
}
