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

    /**
     * Told of bytes about to be written in one piece, before they are (a file the kernel copies,
     * which no stream of ours sees): may throw, so that nothing is written.
     */
    default void before(long bytes) {
        passed(bytes);
    }
}
