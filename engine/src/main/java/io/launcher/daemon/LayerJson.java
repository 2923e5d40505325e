package io.launcher.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.launcher.api.FilesystemChange;
import io.launcher.api.ImageDeletion;
import io.launcher.api.ImageHistory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** History steps, filesystem changes and rmi records in Docker's field names, and read back. */
public final class LayerJson {
    private LayerJson() {
    }

    public static ArrayNode history(List<ImageHistory> steps) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        for (ImageHistory step : steps) {
            ObjectNode node = array.addObject();
            node.put("Id", step.id());
            node.put("Created", step.created().getEpochSecond());
            node.put("CreatedBy", step.createdBy());
            node.set("Tags", DockerJson.arrayOrNull(step.tags()));
            node.put("Size", step.size());
            node.put("Comment", step.comment());
        }
        return array;
    }

    public static List<ImageHistory> readHistory(JsonNode array) {
        List<ImageHistory> steps = new ArrayList<>();
        for (JsonNode node : array) {
            steps.add(new ImageHistory(DockerJson.text(node, "Id"), Instant.ofEpochSecond(DockerJson.number(node, "Created")),
                    DockerJson.text(node, "CreatedBy"), DockerJson.strings(node, "Tags"), DockerJson.number(node, "Size"),
                    DockerJson.text(node, "Comment")));
        }
        return steps;
    }

    public static ArrayNode changes(List<FilesystemChange> changes) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        changes.forEach(c -> array.addObject().put("Path", c.path()).put("Kind", c.kind().code()));
        return array;
    }

    public static List<FilesystemChange> readChanges(JsonNode array) {
        List<FilesystemChange> changes = new ArrayList<>();
        for (JsonNode node : array) {
            changes.add(new FilesystemChange(DockerJson.text(node, "Path"),
                    FilesystemChange.Kind.of((int) DockerJson.number(node, "Kind"))));
        }
        return changes;
    }

    public static ArrayNode deletions(List<ImageDeletion> deletions) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        deletions.forEach(d -> array.addObject().put(d.kind() == ImageDeletion.Kind.UNTAGGED ? "Untagged" : "Deleted", d.name()));
        return array;
    }

    public static List<ImageDeletion> readDeletions(JsonNode array) {
        List<ImageDeletion> deletions = new ArrayList<>();
        for (JsonNode node : array) {
            String untagged = DockerJson.text(node, "Untagged");
            deletions.add(untagged.isEmpty() ? ImageDeletion.deleted(DockerJson.text(node, "Deleted"))
                    : ImageDeletion.untagged(untagged));
        }
        return deletions;
    }
}
