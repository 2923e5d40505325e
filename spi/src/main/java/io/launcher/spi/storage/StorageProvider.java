package io.launcher.spi.storage;

import io.launcher.spi.BackendProvider;

/** The extension point of storage plugins. */
public interface StorageProvider extends BackendProvider<StorageDriver> {
}
