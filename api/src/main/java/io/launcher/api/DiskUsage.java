package io.launcher.api;

import java.util.List;

/**
 * Docker's {@code system df}: the disk the engine's images and containers use. {@code layersSize}
 * counts every stored layer once.
 */
public record DiskUsage(long layersSize, List<ImageUsage> images, List<ContainerUsage> containers) {

    public DiskUsage {
        images = List.copyOf(images);
        containers = List.copyOf(containers);
    }

    /** An image, the part of its size it shares with other images, and how many containers use it. */
    public record ImageUsage(ImageDetails image, long sharedSize, int containers) {
    }

    /** A container and the size of its writable layer ({@code sizeRootFs} adds its image's). */
    public record ContainerUsage(ContainerDetails container, long sizeRw, long sizeRootFs) {
    }
}
