package io.launcher.engine;

import io.launcher.api.CommitRequest;
import io.launcher.api.ContainerConfig;
import io.launcher.api.Digest;
import io.launcher.api.ImageConfig;
import io.launcher.api.ImageId;
import io.launcher.spi.storage.SnapshotKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code commit}: a new image whose layers are the container's image's (shared, not copied) plus
 * one layer of the container's changes; its config takes the container's config as defaults, then
 * the request's Dockerfile-style changes; its history gains one step.
 */
final class ImageCommitter {
    private final ImageStore images;
    private final LayerCommit layers;

    ImageCommitter(ImageStore images, LayerCommit layers) {
        this.images = images;
        this.layers = layers;
    }

    ImageId commit(ContainerRecord container, CommitRequest request) {
        ImageId parentId = ImageId.parse(container.image());
        ImageConfigDocument parent = images.config(parentId);
        ImageConfig config = DockerfileChanges.apply(defaults(container.config(), parent.config()), request.changes());
        List<Digest> chain = images.chainIds(parentId);
        Optional<Digest> top = chain.isEmpty() ? Optional.empty() : Optional.of(chain.get(chain.size() - 1));
        LayerRecord layer = layers.commit(new SnapshotKey(container.id()), top);
        Instant now = Instant.now();
        List<Digest> diffIds = new ArrayList<>(parent.diffIds());
        diffIds.add(Digest.parse(layer.diffId()));
        List<ImageConfigDocument.HistoryEntry> history = new ArrayList<>(parent.history());
        history.add(new ImageConfigDocument.HistoryEntry(now, createdBy(container.config()), request.comment(), false));
        ImageId id = images.put(new ImageConfigDocument(now, request.author(), request.comment(), config, diffIds, history));
        request.tag().ifPresent(tag -> images.tags().tag(tag, id));
        return id;
    }

    /** The container's config (already merged with its image's) as the new image's defaults. */
    static ImageConfig defaults(ContainerConfig c, ImageConfig image) {
        Map<String, String> labels = new LinkedHashMap<>(image.labels());
        labels.putAll(c.labels());
        return new ImageConfig(c.env(), c.cmd(), c.entrypoint(), c.workingDir(), c.user(), image.exposedPorts(), labels);
    }

    /** Docker records the container's command line as the step's "created by". */
    private static String createdBy(ContainerConfig c) {
        List<String> args = new ArrayList<>(c.entrypoint());
        args.addAll(c.cmd());
        return String.join(" ", args);
    }
}
