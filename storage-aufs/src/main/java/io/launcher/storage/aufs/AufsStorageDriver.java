package io.launcher.storage.aufs;

import io.launcher.api.FailedPreconditionException;
import io.launcher.spi.Mount;
import io.launcher.spi.storage.LayerLimit;
import io.launcher.spi.storage.directory.DirectoryStorageDriver;
import io.launcher.spi.storage.directory.StoredSnapshot;
import java.nio.file.Path;
import java.util.List;

/**
 * Snapshots as AUFS branches: each snapshot's {@code fs} is the writable branch while active and a
 * read-only branch once committed; deletions are kept in AUFS's own {@code .wh.} form, which is
 * also the form of OCI layer tarballs.
 */
public final class AufsStorageDriver extends DirectoryStorageDriver {

    public AufsStorageDriver(Path stateDir) {
        super(stateDir, new AufsWhiteouts());
    }

    @Override
    protected List<Mount> mounts(StoredSnapshot snapshot, List<StoredSnapshot> parents) {
        return AufsMounts.of(snapshot, parents);
    }

    /** An AUFS branch needs nothing beside it: AUFS keeps its bookkeeping inside the branch. */
    @Override
    protected void prepareDirectory(Path directory) {
        // Nothing to add.
    }

    /** AUFS has no per-branch bound; Docker's aufs driver refuses {@code --storage-opt} in these words. */
    @Override
    protected void limitDirectory(Path directory, LayerLimit limit) {
        throw new FailedPreconditionException("--storage-opt is not supported for aufs");
    }
}
