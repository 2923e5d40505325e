package io.launcher.api;

import java.util.List;
import java.util.Optional;

/**
 * An {@code import}: the tag to give the new image (if any), Dockerfile-style changes
 * ({@code CMD ["sh"]}, {@code ENV A=b}) and a commit message.
 */
public record ImportRequest(Optional<ImageReference> tag, List<String> changes, String message) {
    public ImportRequest {
        changes = List.copyOf(changes);
        message = message == null ? "" : message;
    }
}
