package io.launcher.engine;

import io.launcher.api.ImageDeletion;
import io.launcher.api.ImageId;
import java.util.List;
import java.util.Map;

/** Publishes image events as Docker names them: pull, import, tag, untag, delete (actor: the name or id). */
final class ImageEvents {
    private final EventBus bus;

    ImageEvents(EventBus bus) {
        this.bus = bus;
    }

    void publish(String action, ImageId image, String name) {
        bus.publish("image", action, action.equals("pull") ? name : image.toString(), Map.of("name", name));
    }

    void deletions(List<ImageDeletion> deletions) {
        for (ImageDeletion d : deletions) {
            String action = d.kind() == ImageDeletion.Kind.UNTAGGED ? "untag" : "delete";
            bus.publish("image", action, d.name(), Map.of("name", d.name()));
        }
    }
}
