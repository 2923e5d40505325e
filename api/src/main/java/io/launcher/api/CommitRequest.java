package io.launcher.api;

import java.util.List;
import java.util.Optional;

/**
 * A {@code commit}: the tag to give the new image (if any), its message and author, and
 * Dockerfile-style changes ({@code CMD ["sh"]}) applied over the container's config.
 */
public record CommitRequest(Optional<ImageReference> tag, String comment, String author, List<String> changes) {
    public CommitRequest {
        comment = comment == null ? "" : comment;
        author = author == null ? "" : author;
        changes = List.copyOf(changes);
    }
}
