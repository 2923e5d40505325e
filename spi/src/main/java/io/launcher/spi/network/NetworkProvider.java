package io.launcher.spi.network;

import io.launcher.spi.BackendProvider;

/** The extension point of network plugins. */
public interface NetworkProvider extends BackendProvider<NetworkDriver> {
}
