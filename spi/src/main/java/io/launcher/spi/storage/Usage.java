package io.launcher.spi.storage;

/** Disk used by one snapshot's own layer, not counting its parents. */
public record Usage(long bytes, long inodes) {
}
