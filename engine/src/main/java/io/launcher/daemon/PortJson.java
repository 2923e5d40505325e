package io.launcher.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.launcher.api.InvalidSpecException;
import io.launcher.api.PortBinding;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Ports in Docker's JSON shapes: {@code ExposedPorts} ({@code {"80/tcp":{}}}), {@code PortBindings}
 * and {@code NetworkSettings.Ports} ({@code {"80/tcp":[{"HostIp":"","HostPort":"8080"}]}}, host
 * port {@code ""} meaning "pick one"), and the container list's {@code Ports} rows.
 */
final class PortJson {
    private PortJson() {
    }

    static List<String> readExposed(JsonNode node) {
        List<String> keys = new ArrayList<>();
        if (node != null && node.isObject()) {
            node.fieldNames().forEachRemaining(key -> keys.add(PortBinding.ofKey(key).portKey()));
        }
        return keys;
    }

    static ObjectNode writeExposed(List<String> keys) {
        ObjectNode node = DockerJson.object();
        keys.forEach(key -> node.putObject(key));
        return node;
    }

    /** {@code PortBindings} or {@code Ports}: keys whose value is null (exposed, not published) give nothing. */
    static List<PortBinding> readBindings(JsonNode node) {
        List<PortBinding> bindings = new ArrayList<>();
        if (node == null || !node.isObject()) {
            return bindings;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            PortBinding key = PortBinding.ofKey(entry.getKey());
            if (entry.getValue() == null || !entry.getValue().isArray()) {
                continue;
            }
            for (JsonNode host : entry.getValue()) {
                bindings.add(new PortBinding(key.protocol(), DockerJson.text(host, "HostIp"),
                        hostPort(DockerJson.text(host, "HostPort")), key.containerPort()));
            }
        }
        return bindings;
    }

    /** Bindings grouped under their container port, and {@code exposed} ports without one as null. */
    static ObjectNode writeBindings(List<PortBinding> bindings, List<String> exposed) {
        Map<String, List<PortBinding>> byKey = new LinkedHashMap<>();
        exposed.forEach(key -> byKey.put(key, new ArrayList<>()));
        bindings.forEach(b -> byKey.computeIfAbsent(b.portKey(), k -> new ArrayList<>()).add(b));
        ObjectNode node = DockerJson.object();
        byKey.forEach((key, list) -> {
            if (list.isEmpty()) {
                node.putNull(key);
                return;
            }
            ArrayNode hosts = node.putArray(key);
            list.forEach(b -> hosts.addObject().put("HostIp", b.hostIp())
                    .put("HostPort", b.hostPort() == 0 ? "" : Integer.toString(b.hostPort())));
        });
        return node;
    }

    /** The container list's rows: one per published port, then one per exposed port not published. */
    static ArrayNode summary(List<PortBinding> published, List<String> exposed) {
        ArrayNode rows = JsonNodeFactory.instance.arrayNode();
        List<String> seen = new ArrayList<>();
        for (PortBinding b : published) {
            rows.addObject().put("IP", b.hostIp()).put("PrivatePort", b.containerPort())
                    .put("PublicPort", b.hostPort()).put("Type", b.protocol().apiName());
            seen.add(b.portKey());
        }
        for (String key : exposed) {
            if (!seen.contains(key)) {
                PortBinding port = PortBinding.ofKey(key);
                rows.addObject().put("PrivatePort", port.containerPort()).put("Type", port.protocol().apiName());
            }
        }
        return rows;
    }

    private static int hostPort(String text) {
        if (text.isEmpty()) {
            return 0;
        }
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new InvalidSpecException("invalid hostPort: " + text);
        }
    }
}
