package io.launcher.engine;

import io.launcher.layer.TarLayerWriter;
import io.launcher.spi.storage.SnapshotKey;
import io.launcher.spi.storage.StorageDriver;
import java.io.IOException;
import java.io.OutputStream;

/**
 * {@code export}: the container's whole filesystem (its layer merged over its image's) as one tar,
 * read from the driver's layers without a mount, so a running container is never disturbed.
 */
final class ContainerExport {
    private final LayerMerge merge;

    ContainerExport(StorageDriver storage) {
        this.merge = new LayerMerge(storage);
    }

    void write(SnapshotKey container, OutputStream out) throws IOException {
        // Nobody reads an export's digest: skipping it saves a sha256 pass over the whole filesystem.
        TarLayerWriter tar = TarLayerWriter.undigested(out);
        merge.run(merge.chain(container), tar);
        tar.finish();
    }
}
