package io.launcher.spi.storage;

import java.io.IOException;
import java.util.Optional;

/**
 * The entries of one layer in archive order. The content stream of a {@link LayerEntry.RegularFile}
 * is valid until the next call.
 */
@FunctionalInterface
public interface LayerReader {
    Optional<LayerEntry> next() throws IOException;
}
