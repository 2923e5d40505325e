package io.launcher.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.launcher.api.Digest;
import io.launcher.api.ImageConfig;
import io.launcher.api.ImageDetails;
import io.launcher.api.ImageId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Images in Docker's field names: the list summary, inspect, and inspect read back. */
public final class ImageJson {
    private ImageJson() {
    }

    public static ObjectNode summary(ImageDetails image) {
        ObjectNode node = DockerJson.object();
        node.put("Id", image.id().toString());
        node.put("ParentId", "");
        node.put("RepoTags", DockerJson.array(image.repoTags()));
        node.put("RepoDigests", DockerJson.array(List.of()));
        node.put("Created", image.created().getEpochSecond());
        node.put("Size", image.size());
        node.put("SharedSize", -1);
        node.put("VirtualSize", image.size());
        node.put("Labels", DockerJson.map(image.config().labels()));
        node.put("Containers", -1);
        return node;
    }

    public static ObjectNode inspect(ImageDetails image, String storageDriver) {
        ObjectNode node = DockerJson.object();
        node.put("Id", image.id().toString());
        node.put("RepoTags", DockerJson.array(image.repoTags()));
        node.put("RepoDigests", DockerJson.array(List.of()));
        node.put("Parent", "");
        node.put("Comment", image.comment());
        node.put("Created", DockerTime.format(image.created()));
        node.put("DockerVersion", "");
        node.put("Author", image.author());
        node.put("Config", config(image.config()));
        node.put("Architecture", "amd64");
        node.put("Os", "linux");
        node.put("Size", image.size());
        node.put("VirtualSize", image.size());
        node.putObject("GraphDriver").put("Name", storageDriver).putNull("Data");
        ObjectNode rootFs = node.putObject("RootFS").put("Type", "layers");
        ArrayNode layers = rootFs.putArray("Layers");
        image.diffIds().forEach(d -> layers.add(d.toString()));
        node.putObject("Metadata").put("LastTagTime", "0001-01-01T00:00:00Z");
        return node;
    }

    private static ObjectNode config(ImageConfig config) {
        ObjectNode node = DockerJson.object();
        node.put("Env", DockerJson.array(config.env()));
        node.put("Cmd", DockerJson.arrayOrNull(config.cmd()));
        node.put("Entrypoint", DockerJson.arrayOrNull(config.entrypoint()));
        node.put("WorkingDir", config.workingDir());
        node.put("User", config.user());
        ObjectNode ports = node.putObject("ExposedPorts");
        config.exposedPorts().forEach(p -> ports.putObject(p));
        node.put("Labels", DockerJson.map(config.labels()));
        return node;
    }

    public static ImageDetails read(JsonNode node) {
        JsonNode config = DockerJson.field(node, "Config");
        Map<String, String> ports = new LinkedHashMap<>();
        JsonNode exposed = DockerJson.field(config, "ExposedPorts");
        if (exposed != null) {
            exposed.fieldNames().forEachRemaining(p -> ports.put(p, ""));
        }
        ImageConfig imageConfig = new ImageConfig(
                DockerJson.strings(config, "Env"),
                DockerJson.strings(config, "Cmd"),
                DockerJson.strings(config, "Entrypoint"),
                DockerJson.text(config, "WorkingDir"),
                DockerJson.text(config, "User"),
                List.copyOf(ports.keySet()),
                DockerJson.stringMap(config, "Labels"));
        List<Digest> layers = new ArrayList<>();
        DockerJson.strings(DockerJson.field(node, "RootFS"), "Layers").forEach(l -> layers.add(Digest.parse(l)));
        return new ImageDetails(
                ImageId.parse(DockerJson.text(node, "Id")),
                DockerJson.strings(node, "RepoTags"),
                DockerTime.parse(DockerJson.text(node, "Created")),
                imageConfig,
                layers,
                DockerJson.number(node, "Size"),
                DockerJson.text(node, "Comment"),
                DockerJson.text(node, "Author"));
    }
}
