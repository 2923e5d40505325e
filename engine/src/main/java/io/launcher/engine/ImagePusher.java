package io.launcher.engine;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.launcher.api.Digest;
import io.launcher.api.ImageId;
import io.launcher.api.InternalException;
import io.launcher.api.NotFoundException;
import io.launcher.api.ProgressListener;
import io.launcher.api.RegistryCredentials;
import io.launcher.registry.MediaTypes;
import io.launcher.registry.RegistryClient;
import io.launcher.registry.RegistryReference;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code push}: each layer is skipped when the registry has it (HEAD), mounted from another
 * repository of the same registry when a pull left word of one, else rebuilt as a gzip tar from
 * its committed snapshot and uploaded; then the config, and the manifest last. A rebuilt tar
 * whose diff id differs from the config's (a layer imported from a tar that was written another
 * way) gets its new diff id into the pushed config, so the pushed image is self-consistent.
 */
final class ImagePusher {
    private final Registries registries;
    private final LayerStore layers;
    private final ImageStore images;
    private final LayerBlobs blobs;

    ImagePusher(Registries registries, LayerStore layers, ImageStore images, LayerBlobs blobs) {
        this.registries = registries;
        this.layers = layers;
        this.images = images;
        this.blobs = blobs;
    }

    void push(String text, Optional<RegistryCredentials> credentials, ProgressListener progress) throws InterruptedException {
        try {
            pushImage(text, credentials, progress);
        } catch (IOException e) {
            throw new InternalException("unable to push " + text + ": " + e.getMessage(), e);
        }
    }

    private void pushImage(String text, Optional<RegistryCredentials> credentials, ProgressListener progress)
            throws InterruptedException, IOException {
        RegistryReference reference = RegistryReference.parse(text);
        String local = reference.familiarName();
        ImageId image = reference.localTag().flatMap(t -> images.tags().resolve(t))
                .orElseThrow(() -> new NotFoundException("An image does not exist locally with the tag: " + reference.familiarRepository()));
        RegistryClient client = registries.client(reference, credentials);
        progress.item("", "The push refers to repository [" + reference.domain() + "/" + reference.path() + "]", -1, -1);
        List<Digest> chains = images.chainIds(image);
        List<LayerBlobs.Pushed> pushed = new ArrayList<>();
        for (Digest chain : chains) {
            LayerRecord record = layers.find(chain)
                    .orElseThrow(() -> new NotFoundException("layer " + chain + " of " + local + " is missing from the store"));
            pushed.add(blobs.push(client, reference, record, progress));
        }
        byte[] config = configFor(image, pushed);
        Digest configDigest = Sha256.of(config);
        if (!client.hasBlob(reference.path(), configDigest)) {
            Path file = Files.createTempFile(blobs.tempDir(), "push-", ".json");
            try {
                Files.write(file, config);
                client.upload(reference.path(), configDigest, file, n -> { });
            } finally {
                ImagePuller.deleteQuietly(file);
            }
        }
        byte[] manifest = manifest(config.length, configDigest, pushed);
        Digest digest = client.putManifest(reference.path(), reference.manifestReference(), manifest, MediaTypes.DOCKER_MANIFEST);
        progress.item("", reference.tag() + ": digest: " + digest + " size: " + manifest.length, -1, -1);
    }

    private byte[] configFor(ImageId image, List<LayerBlobs.Pushed> pushed) throws IOException {
        byte[] stored = images.configBytes(image);
        List<Digest> stated = ImageConfigDocument.parse(stored).diffIds();
        List<Digest> actual = pushed.stream().map(LayerBlobs.Pushed::diffId).toList();
        if (stated.equals(actual)) {
            return stored;
        }
        ObjectNode root = (ObjectNode) StoreJson.MAPPER.readTree(stored);
        ArrayNode ids = ((ObjectNode) root.path("rootfs")).putArray("diff_ids");
        actual.forEach(d -> ids.add(d.toString()));
        return StoreJson.MAPPER.writeValueAsBytes(root);
    }

    private static byte[] manifest(long configSize, Digest configDigest, List<LayerBlobs.Pushed> pushed) {
        ObjectNode root = StoreJson.MAPPER.createObjectNode();
        root.put("schemaVersion", 2);
        root.put("mediaType", MediaTypes.DOCKER_MANIFEST);
        root.putObject("config").put("mediaType", MediaTypes.DOCKER_CONFIG).put("size", configSize)
                .put("digest", configDigest.toString());
        ArrayNode layerArray = root.putArray("layers");
        for (LayerBlobs.Pushed layer : pushed) {
            layerArray.addObject().put("mediaType", MediaTypes.DOCKER_LAYER_GZIP).put("size", layer.size())
                    .put("digest", layer.digest().toString());
        }
        try {
            return StoreJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
        } catch (IOException e) {
            throw new InternalException("unable to encode a manifest: " + e.getMessage(), e);
        }
    }
}
