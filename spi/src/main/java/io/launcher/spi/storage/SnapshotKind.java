package io.launcher.spi.storage;

/** containerd's snapshot kinds: writable, read-only view, committed (immutable, may be a parent). */
public enum SnapshotKind {
    ACTIVE, VIEW, COMMITTED
}
