package io.launcher.cli;

import io.launcher.api.ImageDetails;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The lines of {@code images}: one per tag (or one {@code <none>} line for an untagged image). */
final class ImageRow {
    static final String DEFAULT_FORMAT = "table {{.Repository}}\t{{.Tag}}\t{{.ID}}\t{{.CreatedSince}}\t{{.Size}}";
    static final Map<String, String> TITLES = Map.of(
            "Repository", "REPOSITORY", "Tag", "TAG", "ID", "IMAGE ID", "CreatedSince", "CREATED",
            "CreatedAt", "CREATED AT", "Size", "SIZE", "Digest", "DIGEST", "VirtualSize", "VIRTUAL SIZE");
    private static final String NONE = "<none>";

    private ImageRow() {
    }

    /** One row per tag (one for an untagged image); CreatedAt only where {@code shown} uses it. */
    static List<Map<String, Object>> of(ImageDetails image, Instant now, boolean truncate, FormatTemplate shown) {
        List<Map<String, Object>> rows = new ArrayList<>();
        if (image.repoTags().isEmpty()) {
            rows.add(row(image, NONE, NONE, now, truncate, shown));
        }
        for (String tag : image.repoTags()) {
            int colon = tag.lastIndexOf(':');
            boolean tagged = colon > tag.lastIndexOf('/');
            rows.add(row(image, tagged ? tag.substring(0, colon) : tag, tagged ? tag.substring(colon + 1) : NONE,
                    now, truncate, shown));
        }
        return rows;
    }

    private static Map<String, Object> row(ImageDetails image, String repository, String tag, Instant now, boolean truncate,
                                           FormatTemplate shown) {
        Map<String, Object> row = new TreeMap<>();
        row.put("Repository", repository);
        row.put("Tag", tag);
        row.put("ID", truncate ? image.id().shortId() : image.id().toString());
        row.put("Digest", NONE);
        if (shown.uses("CreatedAt")) {
            row.put("CreatedAt", GoTime.string(image.created()));
        }
        row.put("CreatedSince", HumanDuration.of(Duration.between(image.created(), now)) + " ago");
        row.put("Size", HumanSize.decimal(image.size()));
        row.put("VirtualSize", HumanSize.decimal(image.size()));
        row.put("SharedSize", "N/A");
        row.put("UniqueSize", "N/A");
        row.put("Containers", "N/A");
        return row;
    }
}
