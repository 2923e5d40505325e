package io.launcher.spi.isolation;

import io.launcher.spi.BackendProvider;

/** The extension point of isolation plugins. */
public interface IsolationProvider extends BackendProvider<IsolationBackend> {
}
