package io.launcher.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.launcher.api.Digest;
import io.launcher.api.InvalidSpecException;
import io.launcher.api.NotFoundException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A manifest as fetched: an image manifest (config and layers) or an index (one manifest a
 * platform). The media type comes from the document, else from the response's Content-Type.
 */
public sealed interface Manifest {
    ObjectMapper JSON = new ObjectMapper();

    /** An image manifest: Docker v2 schema 2 or OCI. */
    record Image(String mediaType, Descriptor config, List<Descriptor> layers) implements Manifest {
        public Image {
            layers = List.copyOf(layers);
        }
    }

    /** A manifest list or OCI index. */
    record Index(String mediaType, List<Entry> manifests) implements Manifest {
        public Index {
            manifests = List.copyOf(manifests);
        }

        /** The entry for the platform, as Docker chooses it: the first that matches. */
        public Descriptor select(Platform platform) {
            return manifests.stream().filter(e -> platform.matches(e.os(), e.architecture(), e.variant()))
                    .map(Entry::descriptor).findFirst()
                    .orElseThrow(() -> new NotFoundException("no matching manifest for " + platform
                            + " in the manifest list entries"));
        }
    }

    record Entry(Descriptor descriptor, String os, String architecture, String variant) {
    }

    static Manifest parse(byte[] bytes, String contentType) {
        JsonNode root;
        try {
            root = JSON.readTree(bytes);
        } catch (IOException e) {
            throw new InvalidSpecException("unable to parse the manifest: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new InvalidSpecException("unable to parse the manifest: not a JSON object");
        }
        String mediaType = root.path("mediaType").asText("");
        if (mediaType.isEmpty()) {
            mediaType = contentType == null ? "" : contentType.split(";")[0].strip();
        }
        if (root.path("schemaVersion").asInt(0) == 1) {
            throw new InvalidSpecException("unsupported manifest: Docker image format v1 (schema 1) is not supported");
        }
        if (MediaTypes.isIndex(mediaType) || (root.has("manifests") && !root.has("layers"))) {
            List<Entry> entries = new ArrayList<>();
            for (JsonNode m : root.path("manifests")) {
                JsonNode p = m.path("platform");
                entries.add(new Entry(descriptor(m), p.path("os").asText(""), p.path("architecture").asText(""),
                        p.path("variant").asText("")));
            }
            return new Index(mediaType, entries);
        }
        if (!root.has("config") || !root.path("layers").isArray()) {
            throw new InvalidSpecException("unsupported manifest media type " + mediaType);
        }
        List<Descriptor> layers = new ArrayList<>();
        for (JsonNode layer : root.path("layers")) {
            layers.add(descriptor(layer));
        }
        return new Image(mediaType, descriptor(root.path("config")), layers);
    }

    private static Descriptor descriptor(JsonNode node) {
        long size = node.path("size").asLong(-1);
        if (size < 0) {
            throw new InvalidSpecException("invalid manifest: a descriptor without a size");
        }
        return new Descriptor(node.path("mediaType").asText(""), Digest.parse(node.path("digest").asText("")), size);
    }
}
