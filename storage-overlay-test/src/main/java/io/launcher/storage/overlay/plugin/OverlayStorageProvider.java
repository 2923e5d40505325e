package io.launcher.storage.overlay.plugin;

import io.launcher.spi.Availability;
import io.launcher.spi.BackendContext;
import io.launcher.spi.storage.StorageDriver;
import io.launcher.spi.storage.StorageProvider;
import io.launcher.storage.overlay.OverlayStorageDriver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.pf4j.Extension;

/** Offers overlayfs storage where the kernel has it; below AUFS, the reference storage. */
@Extension
public final class OverlayStorageProvider implements StorageProvider {
    private static final Path FILESYSTEMS = Path.of("/proc/filesystems");

    @Override
    public String name() {
        return "overlay";
    }

    @Override
    public int priority() {
        return 50;
    }

    @Override
    public Availability probe() {
        try {
            boolean known = Files.readAllLines(FILESYSTEMS).stream()
                    .anyMatch(line -> line.endsWith("\toverlay") || line.trim().equals("overlay"));
            return known ? Availability.yes() : Availability.unavailable("this kernel has no overlayfs support");
        } catch (IOException e) {
            return Availability.unavailable("unable to read " + FILESYSTEMS + ": " + e.getMessage());
        }
    }

    @Override
    public StorageDriver open(BackendContext context) {
        return new OverlayStorageDriver(context.stateDir());
    }
}
