package io.launcher.storage.overlay.plugin;

import io.launcher.spi.Availability;
import io.launcher.spi.BackendContext;
import io.launcher.spi.storage.StorageDriver;
import io.launcher.spi.storage.StorageProvider;
import io.launcher.spi.storage.directory.KernelFilesystems;
import io.launcher.storage.overlay.OverlayStorageDriver;
import org.pf4j.Extension;

/** Offers overlayfs storage where the kernel has it; below AUFS, the reference storage. */
@Extension
public final class OverlayStorageProvider implements StorageProvider {

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
        return KernelFilesystems.probe("overlay", "this kernel has no overlayfs support");
    }

    @Override
    public StorageDriver open(BackendContext context) {
        return new OverlayStorageDriver(context.stateDir());
    }
}
