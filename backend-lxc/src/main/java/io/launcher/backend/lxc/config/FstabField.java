package io.launcher.backend.lxc.config;

import io.launcher.api.InvalidSpecException;
import io.launcher.spi.MountTableField;

/**
 * A field of an {@code lxc.mount.entry}: LXC reads it with getmntent, which decodes the mount
 * table's octal escapes ({@link MountTableField}) and cannot carry an empty field.
 */
final class FstabField {
    private FstabField() {
    }

    static String escape(String field) {
        if (field.isEmpty()) {
            throw new InvalidSpecException("an lxc.mount.entry field cannot be empty");
        }
        return MountTableField.escape(field);
    }
}
