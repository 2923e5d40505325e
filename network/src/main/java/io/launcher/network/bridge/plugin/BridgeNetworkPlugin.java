package io.launcher.network.bridge.plugin;

import org.pf4j.Plugin;

/** The bridge network plugin; its one extension is {@link BridgeNetworkProvider}. */
public final class BridgeNetworkPlugin extends Plugin {
}
