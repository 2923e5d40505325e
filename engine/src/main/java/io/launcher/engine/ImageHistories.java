package io.launcher.engine;

import io.launcher.api.Digest;
import io.launcher.api.ImageHistory;
import io.launcher.api.ImageId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * {@code history}: the config's history steps, newest first, each non-empty step sized by the
 * layer it made (steps and layers pair up in order, as in the OCI image config).
 */
final class ImageHistories {
    private final ImageStore images;
    private final LayerStore layers;

    ImageHistories(ImageStore images, LayerStore layers) {
        this.images = images;
        this.layers = layers;
    }

    List<ImageHistory> of(ImageId id) {
        ImageConfigDocument config = images.config(id);
        List<Digest> chain = images.chainIds(id);
        List<ImageHistory> steps = new ArrayList<>();
        int layer = 0;
        for (ImageConfigDocument.HistoryEntry entry : config.history()) {
            long size = 0;
            if (!entry.emptyLayer() && layer < chain.size()) {
                size = layers.find(chain.get(layer++)).map(LayerRecord::size).orElse(0L);
            }
            steps.add(new ImageHistory(ImageHistory.MISSING, entry.created(), entry.createdBy(), List.of(), size,
                    entry.comment()));
        }
        Collections.reverse(steps);
        if (!steps.isEmpty()) {
            ImageHistory top = steps.get(0);
            steps.set(0, new ImageHistory(id.toString(), top.created(), top.createdBy(), images.tags().tagsOf(id),
                    top.size(), top.comment()));
        }
        return steps;
    }
}
