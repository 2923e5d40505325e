package io.launcher.daemon;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.launcher.api.Engine;
import io.launcher.api.NetworkDetails;
import io.launcher.api.NotFoundException;
import java.io.IOException;
import java.time.Instant;
import java.util.List;

/**
 * Docker's {@code GET /networks} and {@code GET /networks/{id}}: read-only. Testcontainers asks
 * for {@code bridge} when it runs inside a container, to reach published ports on its gateway.
 */
final class NetworkRoutes {
    private final Engine engine;

    NetworkRoutes(Engine engine) {
        this.engine = engine;
    }

    List<Route> routes() {
        return List.of(
                Route.of("GET", "/networks", this::list),
                Route.of("GET", "/networks/([^/]+)", this::inspect));
    }

    private void list(ApiRequest request) throws IOException {
        ArrayNode array = DockerMapper.MAPPER.createArrayNode();
        engine.networks().forEach(n -> array.add(json(n)));
        request.json(200, array);
    }

    private void inspect(ApiRequest request) throws IOException {
        String wanted = request.param(0);
        NetworkDetails network = engine.networks().stream()
                .filter(n -> n.name().equals(wanted) || n.id().startsWith(wanted))
                .findFirst().orElseThrow(() -> new NotFoundException("network " + wanted + " not found"));
        request.json(200, json(network));
    }

    static ObjectNode json(NetworkDetails network) {
        ObjectNode node = DockerJson.object().put("Name", network.name()).put("Id", network.id())
                .put("Created", DockerTime.format(Instant.EPOCH)).put("Scope", "local").put("Driver", network.driver())
                .put("EnableIPv6", false).put("Internal", false).put("Attachable", false).put("Ingress", false)
                .put("ConfigOnly", false);
        ObjectNode ipam = node.putObject("IPAM").put("Driver", "default");
        ipam.putNull("Options");
        ArrayNode config = ipam.putArray("Config");
        if (network.subnet().isPresent()) {
            ObjectNode entry = config.addObject().put("Subnet", network.subnet().get());
            network.gateway().ifPresent(g -> entry.put("Gateway", g));
        }
        node.putObject("ConfigFrom").put("Network", "");
        node.putObject("Containers");
        node.putObject("Options");
        node.putObject("Labels");
        return node;
    }
}
