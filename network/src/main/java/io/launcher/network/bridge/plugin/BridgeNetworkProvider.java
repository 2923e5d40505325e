package io.launcher.network.bridge.plugin;

import io.launcher.network.bridge.BridgeNetworkDriver;
import io.launcher.network.bridge.BridgeOptions;
import io.launcher.network.bridge.HostTools;
import io.launcher.spi.Availability;
import io.launcher.spi.BackendContext;
import io.launcher.spi.network.NetworkDriver;
import io.launcher.spi.network.NetworkProvider;
import org.pf4j.Extension;

/** Offers bridge networking (veth pairs on a Linux bridge, iptables NAT) where iproute2 and root are at hand. */
@Extension
public final class BridgeNetworkProvider implements NetworkProvider {

    @Override
    public String name() {
        return "bridge";
    }

    @Override
    public int priority() {
        return 100;
    }

    @Override
    public Availability probe() {
        return HostTools.probe();
    }

    @Override
    public NetworkDriver open(BackendContext context) {
        return new BridgeNetworkDriver(BridgeOptions.defaults(context.stateDir()));
    }
}
