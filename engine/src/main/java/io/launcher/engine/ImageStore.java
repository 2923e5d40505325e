package io.launcher.engine;

import io.launcher.api.Digest;
import io.launcher.api.ImageDetails;
import io.launcher.api.ImageId;
import io.launcher.api.ImageReference;
import io.launcher.api.InternalException;
import io.launcher.api.InvalidSpecException;
import io.launcher.api.NotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Image configs, content-addressed under {@code images/configs/<hex>.json}, and their tags.
 * Looks images up as Docker does: {@code repo[:tag]}, full id, {@code sha256:} prefix, short id.
 */
final class ImageStore {
    private final Path configs;
    private final TagStore tags;
    private final LayerStore layers;

    ImageStore(Path imagesDir, LayerStore layers) throws IOException {
        this.configs = imagesDir.resolve("configs");
        Files.createDirectories(configs);
        AtomicFiles.removeLeftovers(configs);
        AtomicFiles.removeLeftovers(imagesDir);
        this.tags = new TagStore(imagesDir.resolve("repositories.json"));
        this.layers = layers;
    }

    TagStore tags() {
        return tags;
    }

    ImageId put(ImageConfigDocument document) {
        byte[] bytes = document.toBytes();
        ImageId id = new ImageId(Sha256.of(bytes));
        Path file = configs.resolve(id.digest().hex() + ".json");
        if (!Files.exists(file)) {
            AtomicFiles.write(file, bytes);
        }
        return id;
    }

    /** Stores a config byte-exact (as a registry served it), so the image id is its digest. */
    ImageId putBytes(byte[] bytes) {
        ImageConfigDocument.parse(bytes);
        ImageId id = new ImageId(Sha256.of(bytes));
        Path file = configs.resolve(id.digest().hex() + ".json");
        if (!Files.exists(file)) {
            AtomicFiles.write(file, bytes);
        }
        return id;
    }

    /** The exact stored bytes of a config: what push uploads. */
    byte[] configBytes(ImageId id) {
        try {
            return Files.readAllBytes(configs.resolve(id.digest().hex() + ".json"));
        } catch (IOException e) {
            throw new NotFoundException("No such image: " + id);
        }
    }

    ImageConfigDocument config(ImageId id) {
        try {
            return ImageConfigDocument.parse(Files.readAllBytes(configs.resolve(id.digest().hex() + ".json")));
        } catch (IOException e) {
            throw new NotFoundException("No such image: " + id);
        }
    }

    /** Deletes the config; tags must be gone first. */
    void delete(ImageId id) {
        try {
            Files.deleteIfExists(configs.resolve(id.digest().hex() + ".json"));
            AtomicFiles.syncDirectory(configs);
        } catch (IOException e) {
            throw new InternalException("unable to delete image " + id + ": " + e.getMessage(), e);
        }
    }

    /** The chain id of every layer, base first. */
    List<Digest> chainIds(ImageId id) {
        List<Digest> chain = new ArrayList<>();
        Digest parent = null;
        for (Digest diffId : config(id).diffIds()) {
            parent = Sha256.chain(parent, diffId);
            chain.add(parent);
        }
        return chain;
    }

    ImageId resolve(String reference) {
        return find(reference).orElseThrow(() -> new NotFoundException("No such image: " + displayName(reference)));
    }

    Optional<ImageId> find(String reference) {
        String hex = reference.startsWith("sha256:") ? reference.substring(7) : reference;
        if (hex.matches("[0-9a-f]{64}")) {
            ImageId id = new ImageId(Digest.sha256(hex));
            if (Files.exists(configs.resolve(hex + ".json"))) {
                return Optional.of(id);
            }
        }
        try {
            Optional<ImageId> tagged = tags.resolve(ImageReference.parse(reference));
            if (tagged.isPresent()) {
                return tagged;
            }
        } catch (InvalidSpecException notAReference) {
            // fall through to an id prefix
        }
        if (hex.matches("[0-9a-f]{4,63}")) {
            List<ImageId> matches = all().stream().filter(id -> id.digest().hex().startsWith(hex)).toList();
            if (matches.size() == 1) {
                return Optional.of(matches.get(0));
            }
        }
        return Optional.empty();
    }

    List<ImageId> all() {
        try (Stream<Path> files = Files.list(configs)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".json") && n.length() == 69)
                    .map(n -> new ImageId(Digest.sha256(n.substring(0, 64))))
                    .toList();
        } catch (IOException e) {
            throw new InternalException("unable to list images in " + configs + ": " + e.getMessage(), e);
        }
    }

    ImageDetails details(ImageId id) {
        ImageConfigDocument doc = config(id);
        long size = 0;
        for (Digest chainId : chainIds(id)) {
            size += layers.find(chainId).map(LayerRecord::size).orElse(0L);
        }
        return new ImageDetails(id, tags.tagsOf(id), doc.created(), doc.config(), doc.diffIds(), size, doc.comment(), doc.author());
    }

    private static String displayName(String reference) {
        try {
            return ImageReference.parse(reference).toString();
        } catch (InvalidSpecException e) {
            return reference;
        }
    }
}
