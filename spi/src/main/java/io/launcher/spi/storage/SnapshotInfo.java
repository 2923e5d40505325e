package io.launcher.spi.storage;

import java.util.Optional;

/** A snapshot as the driver knows it. */
public record SnapshotInfo(SnapshotKey key, Optional<SnapshotKey> parent, SnapshotKind kind) {
}
