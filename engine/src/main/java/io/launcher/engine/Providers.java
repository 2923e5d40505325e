package io.launcher.engine;

import io.launcher.spi.isolation.IsolationProvider;
import io.launcher.spi.network.NetworkProvider;
import io.launcher.spi.storage.StorageProvider;
import java.util.List;

/** Every backend the plugins contributed, by kind: what the composition root hands the engine. */
public record Providers(List<IsolationProvider> isolation, List<StorageProvider> storage, List<NetworkProvider> network) {
    public Providers {
        isolation = List.copyOf(isolation);
        storage = List.copyOf(storage);
        network = List.copyOf(network);
    }
}
