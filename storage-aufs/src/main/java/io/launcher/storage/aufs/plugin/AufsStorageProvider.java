package io.launcher.storage.aufs.plugin;

import io.launcher.spi.Availability;
import io.launcher.spi.BackendContext;
import io.launcher.spi.storage.StorageDriver;
import io.launcher.spi.storage.StorageProvider;
import io.launcher.spi.storage.directory.KernelFilesystems;
import io.launcher.storage.aufs.AufsStorageDriver;
import org.pf4j.Extension;

/** Offers AUFS storage, the reference, where the kernel has it; it wins over overlay by priority. */
@Extension
public final class AufsStorageProvider implements StorageProvider {

    @Override
    public String name() {
        return "aufs";
    }

    @Override
    public int priority() {
        return 100;
    }

    @Override
    public Availability probe() {
        return KernelFilesystems.probe("aufs", "this kernel has no AUFS support");
    }

    @Override
    public StorageDriver open(BackendContext context) {
        return new AufsStorageDriver(context.stateDir());
    }
}
