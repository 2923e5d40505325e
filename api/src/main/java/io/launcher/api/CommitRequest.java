package io.launcher.api;

import java.util.List;
import java.util.Optional;

/**
 * A {@code commit}: the tag to give the new image (if any), its message and author,
 * Dockerfile-style changes ({@code CMD ["sh"]}) applied over the container's config, and whether
 * a running container is paused while its layer is read (Docker's default).
 */
public record CommitRequest(Optional<ImageReference> tag, String comment, String author, List<String> changes, boolean pause) {
    public CommitRequest {
        comment = comment == null ? "" : comment;
        author = author == null ? "" : author;
        changes = List.copyOf(changes);
    }

    /** A commit that pauses the container, as Docker's does unless told otherwise. */
    public CommitRequest(Optional<ImageReference> tag, String comment, String author, List<String> changes) {
        this(tag, comment, author, changes, true);
    }
}
