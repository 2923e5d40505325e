package io.launcher.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.launcher.api.Digest;
import io.launcher.api.ImageConfig;
import io.launcher.api.InternalException;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An image configuration in the OCI image-config format (architecture, os, config, rootfs.diff_ids,
 * history). Its exact bytes are stored and hashed: the image id is their sha256.
 */
record ImageConfigDocument(Instant created, String author, String comment, ImageConfig config, List<Digest> diffIds,
                           List<HistoryEntry> history) {

    record HistoryEntry(Instant created, String createdBy, String comment, boolean emptyLayer) {
    }

    byte[] toBytes() {
        ObjectNode root = StoreJson.MAPPER.createObjectNode();
        root.put("created", created.toString());
        if (!author.isEmpty()) {
            root.put("author", author);
        }
        root.put("architecture", "amd64");
        root.put("os", "linux");
        ObjectNode cfg = root.putObject("config");
        stringArray(cfg, "Env", config.env());
        if (!config.cmd().isEmpty()) {
            stringArray(cfg, "Cmd", config.cmd());
        }
        if (!config.entrypoint().isEmpty()) {
            stringArray(cfg, "Entrypoint", config.entrypoint());
        }
        cfg.put("WorkingDir", config.workingDir());
        cfg.put("User", config.user());
        ObjectNode ports = cfg.putObject("ExposedPorts");
        config.exposedPorts().forEach(p -> ports.putObject(p));
        ObjectNode labels = cfg.putObject("Labels");
        config.labels().forEach(labels::put);
        ObjectNode rootfs = root.putObject("rootfs");
        rootfs.put("type", "layers");
        ArrayNode ids = rootfs.putArray("diff_ids");
        diffIds.forEach(d -> ids.add(d.toString()));
        ArrayNode hist = root.putArray("history");
        for (HistoryEntry entry : history) {
            ObjectNode h = hist.addObject();
            h.put("created", entry.created().toString());
            h.put("created_by", entry.createdBy());
            if (!entry.comment().isEmpty()) {
                h.put("comment", entry.comment());
            }
            if (entry.emptyLayer()) {
                h.put("empty_layer", true);
            }
        }
        if (!comment.isEmpty()) {
            root.put("comment", comment);
        }
        try {
            return StoreJson.MAPPER.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new InternalException("unable to encode an image config: " + e.getMessage(), e);
        }
    }

    static ImageConfigDocument parse(byte[] bytes) {
        try {
            JsonNode root = StoreJson.MAPPER.readTree(bytes);
            JsonNode cfg = root.path("config");
            Map<String, String> labels = new LinkedHashMap<>();
            cfg.path("Labels").fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
            List<String> ports = new ArrayList<>();
            cfg.path("ExposedPorts").fieldNames().forEachRemaining(ports::add);
            ImageConfig config = new ImageConfig(strings(cfg.path("Env")), strings(cfg.path("Cmd")),
                    strings(cfg.path("Entrypoint")), cfg.path("WorkingDir").asText(""), cfg.path("User").asText(""),
                    ports, labels);
            List<Digest> diffIds = new ArrayList<>();
            root.path("rootfs").path("diff_ids").forEach(d -> diffIds.add(Digest.parse(d.asText())));
            List<HistoryEntry> history = new ArrayList<>();
            root.path("history").forEach(h -> history.add(new HistoryEntry(instant(h.path("created")),
                    h.path("created_by").asText(""), h.path("comment").asText(""), h.path("empty_layer").asBoolean(false))));
            return new ImageConfigDocument(instant(root.path("created")), root.path("author").asText(""),
                    root.path("comment").asText(""), config, diffIds, history);
        } catch (IOException | RuntimeException e) {
            throw new InternalException("unable to parse an image config: " + e.getMessage(), e);
        }
    }

    private static Instant instant(JsonNode node) {
        return node.isTextual() ? Instant.parse(node.asText()) : Instant.EPOCH;
    }

    private static List<String> strings(JsonNode node) {
        List<String> result = new ArrayList<>();
        node.forEach(n -> result.add(n.asText()));
        return result;
    }

    private static void stringArray(ObjectNode parent, String field, List<String> values) {
        ArrayNode array = parent.putArray(field);
        values.forEach(array::add);
    }
}
