package io.launcher.spi.storage;

import io.launcher.api.InvalidSpecException;

/**
 * A bound on what may be written into an active snapshot's own layer (Docker's
 * {@code --storage-opt size=...}): the layers below it do not count.
 */
public record LayerLimit(long sizeBytes) {
    public LayerLimit {
        if (sizeBytes <= 0) {
            throw new InvalidSpecException("a layer limit must be positive: " + sizeBytes);
        }
    }
}
