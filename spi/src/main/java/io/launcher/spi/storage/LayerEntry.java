package io.launcher.spi.storage;

import java.io.InputStream;

/**
 * One entry of a layer in a driver-neutral form. Paths are relative to the layer's root,
 * normalised, without {@code ..} or a leading slash, with {@code /} as separator. Whiteouts are
 * their own entries, not AUFS {@code .wh.} names nor overlay character devices.
 */
public sealed interface LayerEntry {
    String path();

    /** The same entry at {@code path} (a copy moved or renamed); a hard link keeps its target. */
    LayerEntry at(String path);

    record Directory(String path, FileAttributes attributes) implements LayerEntry {
        @Override
        public Directory at(String path) {
            return new Directory(path, attributes);
        }
    }

    record RegularFile(String path, FileAttributes attributes, long size, InputStream content) implements LayerEntry {
        @Override
        public RegularFile at(String path) {
            return new RegularFile(path, attributes, size, content);
        }
    }

    /** A symbolic link; its target is kept verbatim: it is resolved inside the container, never on the host. */
    record Symlink(String path, FileAttributes attributes, String target) implements LayerEntry {
        @Override
        public Symlink at(String path) {
            return new Symlink(path, attributes, target);
        }
    }

    /** A hard link to an entry earlier in the same layer or in a parent; {@code target} is a layer path. */
    record Hardlink(String path, String target) implements LayerEntry {
        @Override
        public Hardlink at(String path) {
            return new Hardlink(path, target);
        }
    }

    /** A character or block device or a FIFO. */
    record Special(String path, FileAttributes attributes, SpecialType type, int major, int minor) implements LayerEntry {
        @Override
        public Special at(String path) {
            return new Special(path, attributes, type, major, minor);
        }
    }

    /** Deletes {@code path} of the parent layers. */
    record Whiteout(String path) implements LayerEntry {
        @Override
        public Whiteout at(String path) {
            return new Whiteout(path);
        }
    }

    /** Hides everything the parent layers hold below directory {@code path}. */
    record OpaqueDirectory(String path) implements LayerEntry {
        @Override
        public OpaqueDirectory at(String path) {
            return new OpaqueDirectory(path);
        }
    }

    enum SpecialType { CHARACTER_DEVICE, BLOCK_DEVICE, FIFO }
}
