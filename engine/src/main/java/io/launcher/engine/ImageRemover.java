package io.launcher.engine;

import io.launcher.api.FailedPreconditionException;
import io.launcher.api.ImageDeletion;
import io.launcher.api.ImageId;
import io.launcher.api.ImageReference;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code rmi}, with Docker's rules. By name: untag; the last tag of an image a container uses
 * needs force. By id: an image with several tags, or used by a stopped container, needs force;
 * one used by a running container cannot be forced. An image still used by a container is only
 * untagged (force included); otherwise its config goes, then every layer no other image uses.
 */
final class ImageRemover {
    private final ImageStore images;
    private final ContainerRegistry registry;
    private final LayerCollector collector;

    ImageRemover(ImageStore images, ContainerRegistry registry, LayerCollector collector) {
        this.images = images;
        this.registry = registry;
        this.collector = collector;
    }

    /** Runs under the registry's lock, so no container is created on the image meanwhile. */
    List<ImageDeletion> remove(String reference, boolean force) {
        synchronized (registry) {
            ImageId id = images.resolve(reference);
            List<String> tags = images.tags().tagsOf(id);
            List<ContainerEntry> users = registry.all().stream()
                    .filter(c -> c.record().image().equals(id.toString())).toList();
            List<ImageDeletion> records = new ArrayList<>();
            if (!isIdReference(reference, id)) {
                ImageReference name = ImageReference.parse(reference);
                if (!force && tags.size() <= 1 && !users.isEmpty()) {
                    throw new FailedPreconditionException("conflict: unable to remove repository reference \"" + reference
                            + "\" (must force) - container " + shortId(users.get(0)) + " is using its referenced image "
                            + id.shortId());
                }
                images.tags().untag(name);
                records.add(ImageDeletion.untagged(name.toString()));
                if (tags.size() > 1) {
                    return records;
                }
            } else {
                refuseById(id, tags, users, force);
                for (String tag : tags) {
                    images.tags().untag(ImageReference.parse(tag));
                    records.add(ImageDeletion.untagged(tag));
                }
            }
            if (users.isEmpty()) {
                images.delete(id);
                records.add(ImageDeletion.deleted(id.toString()));
                records.addAll(collector.collect());
            }
            return records;
        }
    }

    private static void refuseById(ImageId id, List<String> tags, List<ContainerEntry> users, boolean force) {
        for (ContainerEntry user : users) {
            if (user.running()) {
                throw conflict(id, "cannot be forced", "image is being used by running container " + shortId(user));
            }
        }
        if (force) {
            return;
        }
        if (tags.size() > 1) {
            throw conflict(id, "must be forced", "image is referenced in multiple repositories");
        }
        if (!users.isEmpty()) {
            throw conflict(id, "must be forced", "image is being used by stopped container " + shortId(users.get(0)));
        }
    }

    private static FailedPreconditionException conflict(ImageId id, String force, String reason) {
        return new FailedPreconditionException("conflict: unable to delete " + id.shortId() + " (" + force + ") - " + reason);
    }

    /** Whether the user named the image by id (full, {@code sha256:} or a prefix) rather than by tag. */
    private static boolean isIdReference(String reference, ImageId id) {
        String hex = reference.startsWith("sha256:") ? reference.substring(7) : reference;
        return hex.length() >= 4 && id.digest().hex().startsWith(hex);
    }

    private static String shortId(ContainerEntry entry) {
        return entry.record().id().substring(0, 12);
    }
}
