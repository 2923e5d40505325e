package io.launcher.api;

import java.time.Instant;
import java.util.List;

/**
 * One step of an image's history, newest first as {@code docker history} lists them: {@code id}
 * is the image's id for the top step and {@code <missing>} below (the steps are not images here).
 */
public record ImageHistory(String id, Instant created, String createdBy, List<String> tags, long size, String comment) {
    public static final String MISSING = "<missing>";

    public ImageHistory {
        tags = List.copyOf(tags);
        createdBy = createdBy == null ? "" : createdBy;
        comment = comment == null ? "" : comment;
    }
}
