package io.launcher.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.launcher.api.InvalidSpecException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code manifest.json} of a {@code docker save} archive: per image its config's path, its
 * tags and its layer tars' paths, in both the Docker 25+ layout ({@code blobs/sha256/<hex>}) and
 * the older one ({@code <id>.json}, {@code <id>/layer.tar}). Paths come from a hostile archive:
 * each must be a plain relative name inside it, which {@link #clean(String)} checks.
 */
record ArchiveManifest(List<Image> images) {

    /** One image of the archive. */
    record Image(String config, List<String> repoTags, List<String> layers) {
    }

    static ArchiveManifest parse(byte[] json) {
        JsonNode root;
        try {
            root = StoreJson.MAPPER.readTree(json);
        } catch (IOException e) {
            throw new InvalidSpecException("invalid manifest.json in the archive: " + e.getMessage(), e);
        }
        if (root == null || !root.isArray() || root.isEmpty()) {
            throw new InvalidSpecException("invalid manifest.json in the archive: not a list of images");
        }
        List<Image> images = new ArrayList<>();
        for (JsonNode entry : root) {
            JsonNode config = entry.path("Config");
            if (!config.isTextual()) {
                throw new InvalidSpecException("invalid manifest.json in the archive: an image without Config");
            }
            List<String> layers = new ArrayList<>();
            for (String layer : strings(entry.path("Layers"), "Layers")) {
                layers.add(clean(layer));
            }
            images.add(new Image(clean(config.asText()), strings(entry.path("RepoTags"), "RepoTags"), layers));
        }
        return new ArchiveManifest(List.copyOf(images));
    }

    private static List<String> strings(JsonNode node, String field) {
        if (node.isMissingNode() || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw new InvalidSpecException("invalid manifest.json in the archive: " + field + " is not a list");
        }
        List<String> values = new ArrayList<>();
        for (JsonNode value : node) {
            if (!value.isTextual()) {
                throw new InvalidSpecException("invalid manifest.json in the archive: " + field + " holds a non-string");
            }
            values.add(value.asText());
        }
        return values;
    }

    /**
     * A member name as the archive's own: {@code ./} prefixes and doubled slashes dropped; an
     * absolute name, a {@code ..} step or a control character is refused, as it points outside.
     */
    static String clean(String name) {
        if (name.isEmpty() || name.startsWith("/") || name.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new InvalidSpecException("refusing archive path " + quote(name) + ": not a relative name inside the archive");
        }
        List<String> parts = new ArrayList<>();
        for (String part : name.split("/")) {
            if (part.equals("..")) {
                throw new InvalidSpecException("refusing archive path " + quote(name) + ": it leaves the archive");
            }
            if (!part.isEmpty() && !part.equals(".")) {
                parts.add(part);
            }
        }
        if (parts.isEmpty()) {
            throw new InvalidSpecException("refusing archive path " + quote(name) + ": not a file");
        }
        return String.join("/", parts);
    }

    private static String quote(String name) {
        return "\"" + name.replaceAll("\\p{Cntrl}", "?") + "\"";
    }

    /** The manifest.json of a saved archive. */
    byte[] toBytes() {
        ArrayNode root = StoreJson.MAPPER.createArrayNode();
        for (Image image : images) {
            ObjectNode entry = root.addObject();
            entry.put("Config", image.config());
            ArrayNode tags = entry.putArray("RepoTags");
            image.repoTags().forEach(tags::add);
            ArrayNode layers = entry.putArray("Layers");
            image.layers().forEach(layers::add);
        }
        try {
            return StoreJson.MAPPER.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new IllegalStateException("unable to encode manifest.json", e);
        }
    }
}
