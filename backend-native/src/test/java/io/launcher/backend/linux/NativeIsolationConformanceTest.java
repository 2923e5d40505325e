package io.launcher.backend.linux;

import io.launcher.spi.conformance.IsolationConformanceKit;
import io.launcher.spi.isolation.IsolationBackend;
import java.nio.file.Path;

/** The native backend against the isolation conformance kit. */
class NativeIsolationConformanceTest extends IsolationConformanceKit {

    @Override
    protected IsolationBackend newBackend(Path stateDir) {
        return NativeIsolationBackend.open(stateDir);
    }
}
