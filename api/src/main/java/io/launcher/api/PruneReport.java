package io.launcher.api;

import java.util.List;

/** What a prune removed: container ids, or image deletions ({@code Untagged}/{@code Deleted}), and the bytes freed. */
public record PruneReport(List<String> containersDeleted, List<ImageDeletion> imagesDeleted, long spaceReclaimed) {

    public PruneReport {
        containersDeleted = List.copyOf(containersDeleted);
        imagesDeleted = List.copyOf(imagesDeleted);
    }
}
