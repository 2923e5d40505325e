package io.launcher.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.launcher.api.DiskUsage;
import io.launcher.api.Engine;
import io.launcher.api.NotFoundException;
import io.launcher.daemon.DockerJson;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code system df} through the daemon: the sizes come from {@code /system/df}, the details of
 * each image and container from their inspect (as {@link RemoteEngine#images()} does).
 */
final class RemoteDiskUsage {
    private final Path socket;
    private final Engine engine;

    RemoteDiskUsage(Path socket, Engine engine) {
        this.socket = socket;
        this.engine = engine;
    }

    DiskUsage read() {
        JsonNode body;
        try (EngineConnection call = EngineConnection.open(socket)) {
            body = call.json("GET", ApiTarget.of("system", "df"), null);
        }
        List<DiskUsage.ImageUsage> images = new ArrayList<>();
        for (JsonNode image : body.path("Images")) {
            try {
                images.add(new DiskUsage.ImageUsage(engine.image(DockerJson.text(image, "Id")),
                        image.path("SharedSize").asLong(), image.path("Containers").asInt()));
            } catch (NotFoundException e) {
                // removed since the survey was taken
            }
        }
        List<DiskUsage.ContainerUsage> containers = new ArrayList<>();
        for (JsonNode container : body.path("Containers")) {
            try {
                containers.add(new DiskUsage.ContainerUsage(engine.container(DockerJson.text(container, "Id")),
                        container.path("SizeRw").asLong(), container.path("SizeRootFs").asLong()));
            } catch (NotFoundException e) {
                // removed since the survey was taken
            }
        }
        return new DiskUsage(body.path("LayersSize").asLong(), images, containers);
    }
}
