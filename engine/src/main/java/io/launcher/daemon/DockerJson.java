package io.launcher.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.launcher.api.LauncherException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * JSON as the Docker API uses it, read leniently: a missing field, an explicit {@code null} and
 * an unknown key all mean "not given" (docker-java sends all three). Trees are made by the node
 * factory, not a mapper: the client builds them on its hot path (see {@link JsonTrees}).
 */
public final class DockerJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private DockerJson() {
    }

    public static ObjectNode object() {
        return NODES.objectNode();
    }

    /**
     * The last line of a progress stream (import, pull, push, load) that failed after its 200 was
     * sent: Docker's error fields, and the fault's class for Launcher's own client.
     */
    public static ObjectNode progressError(LauncherException fault) {
        ObjectNode line = object();
        line.putObject("errorDetail").put("code", fault.httpStatus()).put("message", fault.getMessage());
        line.put("error", fault.getMessage());
        line.put(ApiFaults.HEADER, ApiFaults.name(fault));
        return line;
    }

    public static JsonNode field(JsonNode node, String name) {
        JsonNode value = node == null ? null : node.get(name);
        return value == null || value.isNull() || value.isMissingNode() ? null : value;
    }

    public static String text(JsonNode node, String name) {
        JsonNode value = field(node, name);
        return value == null ? "" : value.asText();
    }

    public static boolean bool(JsonNode node, String name) {
        JsonNode value = field(node, name);
        return value != null && value.asBoolean();
    }

    public static long number(JsonNode node, String name) {
        JsonNode value = field(node, name);
        return value == null ? 0 : value.asLong();
    }

    /** A list of strings; a lone string counts as a one-element list (Docker's strslice). */
    public static List<String> strings(JsonNode node, String name) {
        JsonNode value = field(node, name);
        if (value == null) {
            return List.of();
        }
        if (value.isTextual()) {
            return List.of(value.asText());
        }
        List<String> list = new ArrayList<>();
        value.forEach(item -> {
            if (!item.isNull()) {
                list.add(item.asText());
            }
        });
        return list;
    }

    public static Map<String, String> stringMap(JsonNode node, String name) {
        JsonNode value = field(node, name);
        Map<String, String> map = new LinkedHashMap<>();
        if (value != null && value.isObject()) {
            value.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().isNull() ? "" : e.getValue().asText()));
        }
        return map;
    }

    public static ArrayNode array(Collection<String> values) {
        ArrayNode array = NODES.arrayNode();
        values.forEach(array::add);
        return array;
    }

    /** A JSON array, or null for an empty list, as Docker prints unset slices. */
    public static JsonNode arrayOrNull(List<String> values) {
        return values.isEmpty() ? NODES.nullNode() : array(values);
    }

    /** A map with sorted keys, as Go's encoder writes maps. */
    public static ObjectNode map(Map<String, String> values) {
        ObjectNode object = object();
        new TreeMap<>(values).forEach(object::put);
        return object;
    }
}
