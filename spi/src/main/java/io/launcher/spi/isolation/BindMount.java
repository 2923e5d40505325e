package io.launcher.spi.isolation;

import java.nio.file.Path;

/** A host path bound into the container at an absolute destination ({@code -v host:ctr[:ro]}). */
public record BindMount(Path source, String destination, boolean readOnly) {
}
