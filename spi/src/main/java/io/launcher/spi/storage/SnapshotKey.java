package io.launcher.spi.storage;

import io.launcher.api.InvalidSpecException;
import java.util.regex.Pattern;

/** A snapshot's key: a file-name-safe token chosen by the engine (a chain id's hex, a container id). */
public record SnapshotKey(String value) {
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,127}");

    public SnapshotKey {
        if (value == null || !SAFE.matcher(value).matches()) {
            throw new InvalidSpecException("invalid snapshot key " + value);
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
