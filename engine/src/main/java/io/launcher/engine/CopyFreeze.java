package io.launcher.engine;

import io.launcher.api.ContainerStatus;
import io.launcher.api.LauncherException;
import io.launcher.spi.isolation.Sandbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Freezes a running container while {@code cp} reads or writes its files (and while {@code commit}
 * reads its layer, as dockerd pauses it by default), as dockerd does for {@code cp} since
 * CVE-2018-15664: a process inside could otherwise swap a checked folder for a symbolic link to
 * {@code /} between the check and the write, and lead the copy onto the host. The freeze is
 * quiet (no pause event, no state change); a backend that cannot freeze is copied unfrozen,
 * and a container the user paused meanwhile stays paused.
 */
final class CopyFreeze implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CopyFreeze.class);

    private final ContainerEntry entry;
    private final Sandbox frozen;

    private CopyFreeze(ContainerEntry entry, Sandbox frozen) {
        this.entry = entry;
        this.frozen = frozen;
    }

    /**
     * Whether nothing writes the container's files while this is open: it is frozen, or not
     * running at all (a paused one stays so unless the user thaws it meanwhile).
     */
    boolean stable() {
        return frozen != null || entry.state().status() != ContainerStatus.RUNNING;
    }

    /** No freeze: {@code commit --pause=false} reads the layer while the container writes it. */
    static CopyFreeze none(ContainerEntry entry) {
        return new CopyFreeze(entry, null);
    }

    static CopyFreeze of(ContainerEntry entry) {
        Sandbox sandbox = entry.sandbox();
        if (sandbox == null || !entry.running() || entry.state().status() != ContainerStatus.RUNNING) {
            return new CopyFreeze(entry, null);
        }
        try {
            sandbox.pause();
            return new CopyFreeze(entry, sandbox);
        } catch (LauncherException e) {
            LOG.warn("copying with container {} running: unable to freeze it: {}", entry.id(), e.getMessage());
            return new CopyFreeze(entry, null);
        }
    }

    @Override
    public void close() {
        if (frozen == null || entry.state().status() != ContainerStatus.RUNNING) {
            return;
        }
        try {
            frozen.resume();
        } catch (LauncherException e) {
            LOG.warn("unable to thaw container {} after a copy: {}", entry.id(), e.getMessage());
        }
    }
}
