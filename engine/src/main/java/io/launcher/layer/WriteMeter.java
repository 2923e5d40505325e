package io.launcher.layer;

/**
 * Told of the bytes a stream passes on to be written (a layer's uncompressed tar, a spooled
 * archive), so that its owner can stop a stream before it fills the disk: {@link #passed} may
 * throw, and the read that carried the bytes fails with it.
 */
@FunctionalInterface
public interface WriteMeter {
    /** A meter that lets everything through. */
    WriteMeter NONE = bytes -> { };

    void passed(long bytes);
}
