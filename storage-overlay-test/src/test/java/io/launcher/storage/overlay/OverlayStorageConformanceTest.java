package io.launcher.storage.overlay;

import io.launcher.spi.conformance.StorageConformanceKit;
import io.launcher.spi.storage.StorageDriver;
import java.nio.file.Path;

/** The overlay driver against the storage conformance kit. */
class OverlayStorageConformanceTest extends StorageConformanceKit {

    @Override
    protected StorageDriver newDriver(Path stateDir) {
        return new OverlayStorageDriver(stateDir);
    }
}
