package io.launcher.backend.lxc.plugin;

import io.launcher.backend.lxc.HostProbe;
import io.launcher.backend.lxc.LxcIsolationBackend;
import io.launcher.spi.Availability;
import io.launcher.spi.BackendContext;
import io.launcher.spi.isolation.IsolationBackend;
import io.launcher.spi.isolation.IsolationProvider;
import org.pf4j.Extension;

/**
 * {@code --backend lxc}. Its priority is below native's (100) on purpose: native is the default,
 * lxc the reference the design is checked against.
 */
@Extension
public final class LxcIsolationProvider implements IsolationProvider {
    static final int PRIORITY = 10;

    @Override
    public String name() {
        return "lxc";
    }

    @Override
    public int priority() {
        return PRIORITY;
    }

    @Override
    public Availability probe() {
        return HostProbe.probe();
    }

    @Override
    public IsolationBackend open(BackendContext context) {
        return LxcIsolationBackend.open(context.stateDir());
    }
}
