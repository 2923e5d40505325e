package io.launcher.engine;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.launcher.api.ImageId;
import io.launcher.api.ImageReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Tags ({@code repo:tag} to image id), kept in {@code images/repositories.json} in the shape
 * Docker's graph driver used: {@code {"Repositories":{"base":{"base:latest":"sha256:..."}}}}.
 * The root {@code ./launcher} script greps this file for {@code "base:latest"}.
 */
final class TagStore {
    private final Path file;
    private final Map<String, Map<String, String>> repositories;

    record Document(@JsonProperty("Repositories") Map<String, Map<String, String>> repositories) {
    }

    TagStore(Path file) {
        this.file = file;
        this.repositories = Files.exists(file)
                ? new TreeMap<>(StoreJson.read(file, Document.class).repositories())
                : new TreeMap<>();
        repositories.replaceAll((repo, tags) -> new TreeMap<>(tags));
    }

    synchronized Optional<ImageId> resolve(ImageReference reference) {
        Map<String, String> tags = repositories.get(reference.repository());
        if (tags == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(tags.get(reference.toString())).map(ImageId::parse);
    }

    /** Points the tag at the image and returns the image it pointed at before, if another. */
    synchronized Optional<ImageId> tag(ImageReference reference, ImageId image) {
        Map<String, String> tags = repositories.computeIfAbsent(reference.repository(), r -> new TreeMap<>());
        String previous = tags.put(reference.toString(), image.toString());
        save();
        return Optional.ofNullable(previous).filter(p -> !p.equals(image.toString())).map(ImageId::parse);
    }

    synchronized boolean untag(ImageReference reference) {
        Map<String, String> tags = repositories.get(reference.repository());
        if (tags == null || tags.remove(reference.toString()) == null) {
            return false;
        }
        if (tags.isEmpty()) {
            repositories.remove(reference.repository());
        }
        save();
        return true;
    }

    synchronized List<String> tagsOf(ImageId image) {
        List<String> result = new ArrayList<>();
        String id = image.toString();
        repositories.values().forEach(tags -> tags.forEach((name, target) -> {
            if (target.equals(id)) {
                result.add(name);
            }
        }));
        return result;
    }

    private void save() {
        StoreJson.write(file, new Document(repositories));
    }
}
