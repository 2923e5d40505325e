package io.launcher.engine;

import io.launcher.api.Digest;
import io.launcher.api.ImageId;
import io.launcher.api.InternalException;
import io.launcher.api.InvalidSpecException;
import io.launcher.api.LauncherException;
import io.launcher.api.ProgressListener;
import io.launcher.api.RegistryCredentials;
import io.launcher.layer.WriteMeter;
import io.launcher.registry.Descriptor;
import io.launcher.registry.Manifest;
import io.launcher.registry.Platform;
import io.launcher.registry.RegistryClient;
import io.launcher.registry.RegistryReference;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * {@code pull}: manifest (an index resolved to the platform's entry), config, then the missing
 * layers downloaded in parallel into temporary files. Every blob's digest is checked before the
 * first layer is applied, so a tampered blob leaves the store as it was; layers are then applied
 * in order, each committed under its chain id, and the config is stored byte-exact last.
 */
final class ImagePuller {
    private static final int PARALLEL_DOWNLOADS = 3;

    private final Registries registries;
    private final LayerStore layers;
    private final ImageStore images;
    private final LayerCollector collector;
    private final LayerApplier applier;
    private final BlobSources sources;
    private final Path tempDir;
    private final DiskReserve reserve;

    ImagePuller(Registries registries, LayerStore layers, ImageStore images, LayerCollector collector,
                LayerApplier applier, BlobSources sources, Path tempDir, DiskReserve reserve) {
        this.registries = registries;
        this.layers = layers;
        this.images = images;
        this.collector = collector;
        this.applier = applier;
        this.sources = sources;
        this.tempDir = tempDir;
        this.reserve = reserve;
    }

    ImageId pull(String text, Optional<String> platformText, Optional<RegistryCredentials> credentials,
                 ProgressListener progress) throws InterruptedException {
        RegistryReference reference = RegistryReference.parse(text);
        Platform platform = Platform.parse(platformText.orElse(""));
        RegistryClient client = registries.client(reference, credentials);
        progress.item("", reference.manifestReference() + ": Pulling from " + reference.path(), -1, -1);
        RegistryClient.Fetched fetched = client.manifest(reference.path(), reference.manifestReference());
        Digest manifestDigest = fetched.digest();
        if (fetched.manifest() instanceof Manifest.Index index) {
            Descriptor chosen = index.select(platform);
            fetched = client.manifest(reference.path(), chosen.digest().toString());
        }
        if (!(fetched.manifest() instanceof Manifest.Image manifest)) {
            throw new InvalidSpecException("unsupported manifest: an index inside an index");
        }
        byte[] configBytes = client.smallBlob(reference.path(), manifest.config());
        List<Digest> diffIds = ImageConfigDocument.parse(configBytes).diffIds();
        if (diffIds.size() != manifest.layers().size()) {
            throw new InvalidSpecException("invalid image: the manifest has " + manifest.layers().size()
                    + " layers, the config " + diffIds.size());
        }
        Optional<ImageId> before = reference.localTag().flatMap(t -> images.tags().resolve(t));
        ImageId id = fetchAndApply(client, reference, manifest.layers(), diffIds, progress, () -> {
            ImageId stored = images.putBytes(configBytes);
            reference.localTag().ifPresent(tag -> images.tags().tag(tag, stored));
            return stored;
        });
        progress.item("", "Digest: " + manifestDigest, -1, -1);
        boolean upToDate = before.filter(id::equals).isPresent();
        progress.item("", "Status: " + (upToDate ? "Image is up to date for " : "Downloaded newer image for ")
                + reference.familiarName(), -1, -1);
        return id;
    }

    /**
     * Downloads, checks, applies, then stores the image with {@code store}. Applying and storing
     * hold the collector's lock: an {@code rmi} meanwhile would see the new layers unused.
     */
    private ImageId fetchAndApply(RegistryClient client, RegistryReference reference, List<Descriptor> blobs,
                                  List<Digest> diffIds, ProgressListener progress, Supplier<ImageId> store)
            throws InterruptedException {
        List<Digest> chains = new ArrayList<>();
        Digest parent = null;
        for (Digest diffId : diffIds) {
            parent = Sha256.chain(parent, diffId);
            chains.add(parent);
        }
        List<Path> files = new ArrayList<>();
        List<Future<Path>> downloads = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL_DOWNLOADS, r -> {
            Thread t = new Thread(r, "pull-" + reference.path());
            t.setDaemon(true);
            return t;
        });
        try {
            for (int i = 0; i < blobs.size(); i++) {
                Descriptor blob = blobs.get(i);
                String shortId = blob.digest().hex().substring(0, 12);
                if (layers.find(chains.get(i)).isPresent()) {
                    progress.item(shortId, "Already exists", -1, -1);
                    downloads.add(null);
                    continue;
                }
                progress.item(shortId, "Pulling fs layer", -1, -1);
                Path file = tempFile();
                files.add(file);
                downloads.add(pool.submit(() -> download(client, reference, blob, file, shortId, progress)));
            }
            // Every digest is checked before anything is applied.
            for (Future<Path> download : downloads) {
                if (download != null) {
                    await(download);
                }
            }
            synchronized (collector) {
                for (int i = 0; i < blobs.size(); i++) {
                    if (downloads.get(i) != null) {
                        apply(blobs.get(i), await(downloads.get(i)), diffIds.get(i), i == 0 ? null : chains.get(i - 1),
                                reference, progress);
                    }
                }
                return store.get();
            }
        } finally {
            pool.shutdownNow();
            files.forEach(ImagePuller::deleteQuietly);
        }
    }

    private void apply(Descriptor blob, Path file, Digest diffId, Digest parentChain, RegistryReference reference,
                       ProgressListener progress) {
        String shortId = blob.digest().hex().substring(0, 12);
        progress.item(shortId, "Extracting", -1, -1);
        applier.apply(file, diffId, Optional.ofNullable(parentChain));
        sources.record(diffId, blob.digest().toString(), blob.size(), blob.mediaType(), reference.domain() + "/" + reference.path());
        progress.item(shortId, "Pull complete", -1, -1);
    }

    private Path download(RegistryClient client, RegistryReference reference, Descriptor blob, Path file,
                          String shortId, ProgressListener progress) throws InterruptedException {
        long[] last = {0, 0};
        WriteMeter meter = reserve.meter();
        client.download(reference.path(), blob, file, current -> {
            // A resumed download starts again from a lower count: meter only what was added.
            meter.passed(Math.max(0, current - last[1]));
            last[1] = current;
            if (current - last[0] >= (512 << 10) || current == blob.size()) {
                last[0] = current;
                progress.item(shortId, "Downloading", current, blob.size());
            }
        });
        progress.item(shortId, "Verifying Checksum", -1, -1);
        progress.item(shortId, "Download complete", -1, -1);
        return file;
    }

    private static Path await(Future<Path> download) throws InterruptedException {
        try {
            return download.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof LauncherException fault) {
                throw fault;
            }
            if (cause instanceof InterruptedException interrupted) {
                throw interrupted;
            }
            throw new InternalException("unable to download a layer: " + cause.getMessage(), cause);
        }
    }

    private Path tempFile() {
        try {
            Files.createDirectories(tempDir);
            return Files.createTempFile(tempDir, "pull-", ".blob");
        } catch (IOException e) {
            throw new InternalException("unable to create a temporary file in " + tempDir + ": " + e.getMessage(), e);
        }
    }

    /** Removes the temporary blobs of pulls and pushes an engine killed mid-way left behind. */
    static void removeLeftovers(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (var entries = Files.newDirectoryStream(dir, "{pull,push}-*")) {
            entries.forEach(ImagePuller::deleteQuietly);
        }
    }

    static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a stray temporary file is removed at the next start
        }
    }
}
