package io.launcher.engine;

import io.launcher.api.Digest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where a layer's compressed blob is known to live, by diff id, under {@code distribution/}: the
 * digest a registry knows it by and the repositories that hold it. Push asks it first, so a
 * layer pulled from a registry is skipped or mounted there instead of compressed again (Docker
 * keeps the same "v2 metadata").
 */
final class BlobSources {
    private final Path dir;

    record Source(String digest, long size, String mediaType, List<String> repositories) {
        Source {
            repositories = List.copyOf(repositories);
        }
    }

    BlobSources(Path dir) throws IOException {
        this.dir = dir;
        Files.createDirectories(dir);
        AtomicFiles.removeLeftovers(dir);
    }

    synchronized Optional<Source> find(Digest diffId) {
        Path file = dir.resolve(diffId.hex() + ".json");
        return Files.exists(file) ? Optional.of(StoreJson.read(file, Source.class)) : Optional.empty();
    }

    /** Records that {@code repository} (fully qualified: {@code host/path}) holds the blob. */
    synchronized void record(Digest diffId, String digest, long size, String mediaType, String repository) {
        Optional<Source> known = find(diffId).filter(s -> s.digest().equals(digest));
        List<String> repositories = new ArrayList<>(known.map(Source::repositories).orElse(List.of()));
        if (repositories.contains(repository)) {
            return;
        }
        repositories.add(repository);
        StoreJson.write(dir.resolve(diffId.hex() + ".json"), new Source(digest, size, mediaType, repositories));
    }
}
