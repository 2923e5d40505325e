package io.launcher.engine;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.launcher.api.Digest;
import io.launcher.api.ImageId;
import io.launcher.api.ImageReference;
import io.launcher.api.InvalidSpecException;
import io.launcher.layer.MeteredOutputStream;
import io.launcher.layer.WriteMeter;
import io.launcher.spi.storage.directory.Trees;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code save}: images as one archive in Docker 25's layout, which older and newer {@code docker
 * load} read alike: {@code blobs/sha256/} holds every layer tar (uncompressed, named by its diff
 * id), config and OCI manifest once; {@code manifest.json} lists per image its config, tags and
 * layers; {@code index.json} and {@code oci-layout} make it an OCI image layout too. Each layer
 * tar is rebuilt ({@link LayerTars}: its original bytes, else re-serialised) into a temporary file
 * first, since a tar member's size comes before its bytes. A re-serialised tar whose digest differs
 * from the config's diff id gets its new diff id into the saved config, as push does. Those
 * temporary files are written under the disk reserve, all of them before the archive's first
 * byte: a save the reserve stops fails with its error instead of a cut archive.
 */
final class ImageSaver {
    private static final String LAYER_TYPE = "application/vnd.oci.image.layer.v1.tar";

    private final LayerTars tars;
    private final ImageStore images;
    private final Path tempDir;
    private final DiskReserve reserve;

    /** A layer tar written into the spool: its file and diff id. */
    private record Spooled(Path file, Digest diffId) {
    }

    ImageSaver(LayerTars tars, ImageStore images, Path tempDir, DiskReserve reserve) {
        this.tars = tars;
        this.images = images;
        this.tempDir = tempDir;
        this.reserve = reserve;
    }

    /** Resolves every name before the first byte goes out, so a wrong name fails the call cleanly. */
    void save(List<String> names, OutputStream out) throws IOException {
        if (names.isEmpty()) {
            throw new InvalidSpecException("nothing to save: give at least one image");
        }
        Map<ImageId, List<String>> tags = new LinkedHashMap<>();
        for (String name : names) {
            ImageId id = images.resolve(name);
            List<String> imageTags = tags.computeIfAbsent(id, i -> new ArrayList<>());
            if (!isId(name, id)) {
                String tag = ImageReference.parse(name).toString();
                if (!imageTags.contains(tag)) {
                    imageTags.add(tag);
                }
            }
        }
        Path spool = Files.createTempDirectory(Files.createDirectories(tempDir), "save-");
        try {
            write(tags, spoolLayers(tags.keySet(), spool), out);
        } finally {
            Trees.delete(spool);
        }
    }

    private static boolean isId(String name, ImageId id) {
        String hex = name.startsWith("sha256:") ? name.substring(7) : name;
        return hex.matches("[0-9a-f]{4,64}") && id.digest().hex().startsWith(hex);
    }

    /** Every layer of the images as a tar in the spool, once each, under the disk reserve. */
    private Map<Digest, Spooled> spoolLayers(Iterable<ImageId> ids, Path spool) throws IOException {
        WriteMeter meter = reserve.meter();
        Map<Digest, Spooled> spooled = new LinkedHashMap<>();
        for (ImageId id : ids) {
            for (Digest chainId : images.chainIds(id)) {
                if (!spooled.containsKey(chainId)) {
                    Path file = spool.resolve(chainId.hex());
                    Digest diffId = tars.write(chainId, spool, meter, () -> new MeteredOutputStream(
                            new BufferedOutputStream(Files.newOutputStream(file), 1 << 20), meter));
                    spooled.put(chainId, new Spooled(file, diffId));
                }
            }
        }
        return spooled;
    }

    private void write(Map<ImageId, List<String>> tags, Map<Digest, Spooled> spooled, OutputStream out)
            throws IOException {
        ArchiveTarWriter archive = new ArchiveTarWriter(new BufferedOutputStream(out, 1 << 20));
        archive.directory("blobs/");
        archive.directory("blobs/sha256/");
        Map<Digest, Path> layerFiles = new LinkedHashMap<>();
        List<ArchiveManifest.Image> entries = new ArrayList<>();
        ArrayNode index = StoreJson.MAPPER.createArrayNode();
        for (Map.Entry<ImageId, List<String>> image : tags.entrySet()) {
            List<Digest> diffIds = new ArrayList<>();
            for (Digest chainId : images.chainIds(image.getKey())) {
                Spooled layer = spooled.get(chainId);
                diffIds.add(layer.diffId());
                if (layerFiles.putIfAbsent(layer.diffId(), layer.file()) == null) {
                    archive.file("blobs/sha256/" + layer.diffId().hex(), layer.file());
                }
            }
            byte[] config = withDiffIds(images.configBytes(image.getKey()), diffIds);
            Digest configDigest = Sha256.of(config);
            archive.bytes("blobs/sha256/" + configDigest.hex(), config);
            byte[] manifest = ociManifest(config.length, configDigest, diffIds, layerFiles);
            Digest manifestDigest = Sha256.of(manifest);
            archive.bytes("blobs/sha256/" + manifestDigest.hex(), manifest);
            indexEntries(index, manifestDigest, manifest.length, image.getValue());
            entries.add(new ArchiveManifest.Image("blobs/sha256/" + configDigest.hex(), image.getValue(),
                    diffIds.stream().map(d -> "blobs/sha256/" + d.hex()).toList()));
        }
        ObjectNode indexRoot = StoreJson.MAPPER.createObjectNode();
        indexRoot.put("schemaVersion", 2);
        indexRoot.put("mediaType", "application/vnd.oci.image.index.v1+json");
        indexRoot.set("manifests", index);
        archive.bytes("index.json", StoreJson.MAPPER.writeValueAsBytes(indexRoot));
        archive.bytes("manifest.json", new ArchiveManifest(entries).toBytes());
        archive.bytes("oci-layout", "{\"imageLayoutVersion\":\"1.0.0\"}".getBytes(StandardCharsets.UTF_8));
        archive.finish();
    }

    private static byte[] ociManifest(long configSize, Digest config, List<Digest> diffIds, Map<Digest, Path> files)
            throws IOException {
        ObjectNode root = StoreJson.MAPPER.createObjectNode();
        root.put("schemaVersion", 2);
        root.put("mediaType", "application/vnd.oci.image.manifest.v1+json");
        root.putObject("config").put("mediaType", "application/vnd.oci.image.config.v1+json")
                .put("digest", config.toString()).put("size", configSize);
        ArrayNode layers = root.putArray("layers");
        for (Digest diffId : diffIds) {
            layers.addObject().put("mediaType", LAYER_TYPE).put("digest", diffId.toString())
                    .put("size", Files.size(files.get(diffId)));
        }
        return StoreJson.MAPPER.writeValueAsBytes(root);
    }

    /** One index entry per tag (containerd's and OCI's name annotations), or one without a name. */
    private static void indexEntries(ArrayNode index, Digest manifest, long size, List<String> tags) {
        List<String> names = tags.isEmpty() ? List.of("") : tags;
        for (String tag : names) {
            ObjectNode entry = index.addObject();
            entry.put("mediaType", "application/vnd.oci.image.manifest.v1+json");
            entry.put("digest", manifest.toString()).put("size", size);
            if (!tag.isEmpty()) {
                ImageReference reference = ImageReference.parse(tag);
                ObjectNode annotations = entry.putObject("annotations");
                annotations.put("io.containerd.image.name", fullName(reference));
                annotations.put("org.opencontainers.image.ref.name", reference.tag());
            }
        }
    }

    private static String fullName(ImageReference reference) {
        String repository = reference.repository();
        int slash = repository.indexOf('/');
        boolean hasDomain = slash > 0 && (repository.substring(0, slash).contains(".")
                || repository.substring(0, slash).contains(":") || repository.startsWith("localhost/"));
        String full = hasDomain ? repository : "docker.io/" + (slash < 0 ? "library/" + repository : repository);
        return full + ":" + reference.tag();
    }

    /** The stored config with the diff ids of the tars as saved (unchanged when they agree). */
    static byte[] withDiffIds(byte[] stored, List<Digest> actual) throws IOException {
        if (ImageConfigDocument.parse(stored).diffIds().equals(actual)) {
            return stored;
        }
        ObjectNode root = (ObjectNode) StoreJson.MAPPER.readTree(stored);
        ArrayNode ids = ((ObjectNode) root.path("rootfs")).putArray("diff_ids");
        actual.forEach(d -> ids.add(d.toString()));
        return StoreJson.MAPPER.writeValueAsBytes(root);
    }
}
