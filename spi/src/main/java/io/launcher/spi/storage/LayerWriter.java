package io.launcher.spi.storage;

import java.io.IOException;

/** Receives the entries of a layer, e.g. to write them as a tar stream; parents come before children. */
@FunctionalInterface
public interface LayerWriter {
    void write(LayerEntry entry) throws IOException;
}
