package io.launcher.spi;

import java.util.List;

/**
 * A mount as plain data, as containerd hands it from a snapshotter to a runtime: filesystem
 * type, source and options, e.g. {@code overlay overlay [lowerdir=..., upperdir=..., workdir=...]}
 * or {@code bind /path [rbind, rw]}. The isolation backend performs it.
 */
public record Mount(String type, String source, List<String> options) {
    public Mount {
        options = List.copyOf(options);
    }
}
