package io.launcher.spi.isolation;

import io.launcher.api.ContainerId;
import java.util.Optional;

/**
 * Runs containers: the runc/youki split of container, process and init. Sandboxes outlive the
 * engine: a restarted engine finds them again with {@link #load(ContainerId)}.
 */
public interface IsolationBackend {

    /**
     * Creates the namespaces, cgroup and root filesystem of a container and parks its init before
     * the user's process runs. Fails with {@code InvalidSpecException} before any system call when
     * the spec cannot be honoured.
     */
    Sandbox create(SandboxSpec spec);

    /**
     * {@link #create} and {@link Sandbox#start()} in one step, as the engine's start does; a
     * backend may do both in one exchange with its helper. A sandbox whose start fails is deleted.
     */
    default Sandbox run(SandboxSpec spec) {
        Sandbox sandbox = create(spec);
        try {
            sandbox.start();
        } catch (RuntimeException e) {
            try {
                sandbox.delete();
            } catch (RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
        return sandbox;
    }

    /** Re-attaches to a sandbox this backend created earlier, running or ended; empty when none exists. */
    Optional<Sandbox> load(ContainerId id);
}
