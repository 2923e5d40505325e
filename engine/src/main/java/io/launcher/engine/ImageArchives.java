package io.launcher.engine;

import io.launcher.api.ProgressListener;
import io.launcher.spi.storage.StorageDriver;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code save} and {@code load} of {@code docker save} archives, with their image events. */
final class ImageArchives {
    private final ImageSaver saver;
    private final ImageLoader loader;
    private final ImageEvents events;

    ImageArchives(StorageDriver storage, LayerStore layers, ImageStore images, LayerCollector collector,
                  ImageEvents events, Path tempDir, DiskReserve reserve) throws IOException {
        ArchiveSpool.removeLeftovers(tempDir);
        this.saver = new ImageSaver(new LayerTars(storage, layers), images, tempDir, reserve);
        this.loader = new ImageLoader(images, layers, new LayerApplier(storage, layers, reserve), collector, tempDir,
                reserve);
        this.events = events;
    }

    void save(List<String> names, OutputStream out) throws IOException {
        saver.save(names, out);
    }

    List<String> load(InputStream archive, ProgressListener progress) {
        List<String> lines = new ArrayList<>();
        for (ImageLoader.Loaded image : loader.load(archive, progress)) {
            events.publish("load", image.id(), image.tags().isEmpty() ? image.id().toString() : image.tags().get(0).toString());
            lines.addAll(image.lines());
        }
        return lines;
    }
}
