package io.launcher.backend.linux.plugin;

import io.launcher.backend.linux.HostProbe;
import io.launcher.backend.linux.NativeIsolationBackend;
import io.launcher.spi.Availability;
import io.launcher.spi.BackendContext;
import io.launcher.spi.isolation.IsolationBackend;
import io.launcher.spi.isolation.IsolationProvider;
import org.pf4j.Extension;

/** Contributes the "native" isolation backend, the default wherever the host allows it. */
@Extension
public final class NativeIsolationProvider implements IsolationProvider {

    @Override
    public String name() {
        return "native";
    }

    @Override
    public int priority() {
        return 100;
    }

    @Override
    public Availability probe() {
        return HostProbe.probe();
    }

    @Override
    public IsolationBackend open(BackendContext context) {
        return NativeIsolationBackend.open(context.stateDir());
    }
}
