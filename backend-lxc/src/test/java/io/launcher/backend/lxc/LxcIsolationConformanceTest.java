package io.launcher.backend.lxc;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.launcher.spi.Availability;
import io.launcher.spi.conformance.IsolationConformanceKit;
import io.launcher.spi.isolation.IsolationBackend;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The shared isolation kit, run against LXC; skipped where the probe says LXC cannot run. The
 * cases listed in {@link KnownGaps} are skipped with their reason.
 */
@ExtendWith(KnownGaps.class)
class LxcIsolationConformanceTest extends IsolationConformanceKit {
    @RegisterExtension
    final LxcLockCleanup locks = new LxcLockCleanup();

    @Override
    protected IsolationBackend newBackend(Path stateDir) {
        Availability availability = HostProbe.probe();
        assumeTrue(availability.available(), availability.reason());
        return LxcIsolationBackend.open(locks.track(stateDir));
    }
}
