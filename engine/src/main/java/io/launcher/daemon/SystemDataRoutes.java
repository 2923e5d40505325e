package io.launcher.daemon;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.launcher.api.DiskUsage;
import io.launcher.api.Engine;
import java.io.IOException;
import java.time.Instant;
import java.util.List;

/**
 * What {@code system df} and {@code system prune} ask: {@code GET /system/df} in Docker's shape
 * (image summaries with {@code SharedSize} and {@code Containers}, container summaries with
 * {@code SizeRw} and {@code SizeRootFs}), and the network and build-cache prunes the docker CLI
 * sends along. The engine has no user networks, volumes or build cache: those are always empty.
 */
final class SystemDataRoutes {
    private final Engine engine;

    SystemDataRoutes(Engine engine) {
        this.engine = engine;
    }

    List<Route> routes() {
        return List.of(
                Route.of("GET", "/system/df", this::diskUsage),
                Route.of("POST", "/networks/prune", this::pruneNetworks),
                Route.of("POST", "/build/prune", this::pruneBuildCache));
    }

    private void pruneNetworks(ApiRequest request) throws IOException {
        ObjectNode body = DockerJson.object();
        body.putArray("NetworksDeleted");
        request.json(200, body);
    }

    private void pruneBuildCache(ApiRequest request) throws IOException {
        ObjectNode body = DockerJson.object();
        body.putArray("CachesDeleted");
        body.put("SpaceReclaimed", 0);
        request.json(200, body);
    }

    private void diskUsage(ApiRequest request) throws IOException {
        request.json(200, write(engine.diskUsage(), Instant.now()));
    }

    static ObjectNode write(DiskUsage usage, Instant now) {
        ObjectNode body = DockerJson.object();
        body.put("LayersSize", usage.layersSize());
        ArrayNode images = body.putArray("Images");
        for (DiskUsage.ImageUsage image : usage.images()) {
            images.add(ImageJson.summary(image.image()).put("SharedSize", image.sharedSize())
                    .put("Containers", image.containers()));
        }
        ArrayNode containers = body.putArray("Containers");
        for (DiskUsage.ContainerUsage container : usage.containers()) {
            containers.add(ContainerSummaryJson.write(container.container(), now).put("SizeRw", container.sizeRw())
                    .put("SizeRootFs", container.sizeRootFs()));
        }
        body.putArray("Volumes");
        body.putArray("BuildCache");
        return body;
    }
}
