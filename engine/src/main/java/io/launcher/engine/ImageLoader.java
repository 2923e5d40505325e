package io.launcher.engine;

import io.launcher.api.Digest;
import io.launcher.api.ImageId;
import io.launcher.api.ImageReference;
import io.launcher.api.InternalException;
import io.launcher.api.InvalidSpecException;
import io.launcher.api.LauncherException;
import io.launcher.api.ProgressListener;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code load}: the images of a {@code docker save} archive. The archive is hostile: it is
 * spooled under numbered names ({@link ArchiveSpool}), every path its manifest names must stay
 * inside it, every image is checked (config, layer count, tags) before anything is stored, each
 * layer goes through the same tar checks as an import and must have the diff id its config
 * names. Layers are applied as a pull's are (temporary snapshot, committed once whole); the image
 * appears when its config is stored, after its layers: a failure removes the layers it left
 * unused, and a killed engine's leftovers go at its next start (unused layers, temporary
 * snapshots, the spool folder).
 */
final class ImageLoader {
    private final ImageStore images;
    private final LayerStore layers;
    private final LayerApplier applier;
    private final LayerCollector collector;
    private final Path tempDir;
    private final DiskReserve reserve;

    /** One image of the archive, checked and ready to store. */
    private record Plan(byte[] config, List<Digest> diffIds, List<Path> layerFiles, List<ImageReference> tags) {
    }

    ImageLoader(ImageStore images, LayerStore layers, LayerApplier applier, LayerCollector collector, Path tempDir,
                DiskReserve reserve) {
        this.images = images;
        this.layers = layers;
        this.applier = applier;
        this.collector = collector;
        this.tempDir = tempDir;
        this.reserve = reserve;
    }

    /** Loads every image of the archive; returns Docker's "Loaded image" lines and the ids, in order. */
    List<Loaded> load(InputStream archive, ProgressListener progress) {
        try (ArchiveSpool spool = ArchiveSpool.read(archive, tempDir, reserve.meter())) {
            ArchiveManifest manifest = ArchiveManifest.parse(Files.readAllBytes(spool.file("manifest.json")));
            List<Plan> plans = new ArrayList<>();
            for (ArchiveManifest.Image image : manifest.images()) {
                plans.add(plan(spool, image));
            }
            List<Loaded> loaded = new ArrayList<>();
            for (Plan plan : plans) {
                loaded.add(store(plan, progress));
            }
            return loaded;
        } catch (IOException e) {
            throw new InvalidSpecException("unable to load the archive: " + e.getMessage(), e);
        }
    }

    /** An image the archive held: its id and the tags it got. */
    record Loaded(ImageId id, List<ImageReference> tags) {
        List<String> lines() {
            return tags.isEmpty() ? List.of("Loaded image ID: " + id)
                    : tags.stream().map(t -> "Loaded image: " + t).toList();
        }
    }

    private static Plan plan(ArchiveSpool spool, ArchiveManifest.Image image) throws IOException {
        byte[] config = Files.readAllBytes(spool.file(image.config()));
        List<Digest> diffIds;
        try {
            diffIds = ImageConfigDocument.parse(config).diffIds();
        } catch (InternalException e) {
            throw new InvalidSpecException("invalid image config " + image.config() + " in the archive: " + e.getMessage(), e);
        }
        if (diffIds.size() != image.layers().size()) {
            throw new InvalidSpecException("invalid archive: image " + image.config() + " lists " + image.layers().size()
                    + " layers, its config names " + diffIds.size());
        }
        List<Path> files = new ArrayList<>();
        for (String layer : image.layers()) {
            files.add(spool.file(layer));
        }
        List<ImageReference> tags = new ArrayList<>();
        for (String tag : image.repoTags()) {
            tags.add(ImageReference.parse(tag));
        }
        return new Plan(config, diffIds, files, tags);
    }

    /** Applies the missing layers, then stores the config and tags; on failure leaves no new layer. */
    private Loaded store(Plan plan, ProgressListener progress) {
        synchronized (collector) {
            try {
                Digest parent = null;
                for (int i = 0; i < plan.diffIds().size(); i++) {
                    Digest diffId = plan.diffIds().get(i);
                    Digest chain = Sha256.chain(parent, diffId);
                    long size = Files.size(plan.layerFiles().get(i));
                    if (layers.find(chain).isEmpty()) {
                        progress.item(diffId.hex().substring(0, 12), "Loading layer", 0, size);
                        applier.apply(plan.layerFiles().get(i), diffId, Optional.ofNullable(parent));
                    }
                    progress.item(diffId.hex().substring(0, 12), "Loading layer", size, size);
                    parent = chain;
                }
                ImageId id = images.putBytes(plan.config());
                plan.tags().forEach(tag -> images.tags().tag(tag, id));
                return new Loaded(id, plan.tags());
            } catch (IOException | RuntimeException e) {
                LauncherException failure = e instanceof LauncherException le ? le
                        : new InternalException("unable to load an image: " + e.getMessage(), e);
                try {
                    collector.collect();
                } catch (RuntimeException cleanup) {
                    failure.addSuppressed(cleanup);
                }
                throw failure;
            }
        }
    }
}
