package io.launcher.api;

import java.time.Instant;
import java.util.List;

/** An image in the store: identity, tags, the config containers start from, layers and size. */
public record ImageDetails(
        ImageId id,
        List<String> repoTags,
        Instant created,
        ImageConfig config,
        List<Digest> diffIds,
        long size,
        String comment,
        String author) {

    public ImageDetails {
        repoTags = List.copyOf(repoTags);
        diffIds = List.copyOf(diffIds);
    }
}
