package io.launcher.storage.aufs;

import io.launcher.spi.conformance.StorageConformanceKit;
import io.launcher.spi.storage.StorageDriver;
import io.launcher.spi.storage.directory.KernelFilesystems;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/** The AUFS driver against the storage conformance kit; the mounting cases need a kernel with AUFS. */
class AufsStorageConformanceTest extends StorageConformanceKit {

    @Override
    protected StorageDriver newDriver(Path stateDir) {
        return new AufsStorageDriver(stateDir);
    }

    @Override
    protected void assumeMountable() {
        Assumptions.assumeTrue(KernelFilesystems.probe("aufs", "").available(), "this kernel has no AUFS support");
    }
}
