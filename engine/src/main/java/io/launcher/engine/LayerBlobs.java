package io.launcher.engine;

import io.launcher.api.Digest;
import io.launcher.api.InternalException;
import io.launcher.api.ProgressListener;
import io.launcher.layer.MeteredOutputStream;
import io.launcher.layer.WriteMeter;
import io.launcher.registry.MediaTypes;
import io.launcher.registry.RegistryClient;
import io.launcher.registry.RegistryReference;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * One layer of a push: skipped when the registry has its blob, mounted from a repository a pull
 * recorded, else rebuilt from the committed snapshot ({@link LayerTars}) as a gzip tar and uploaded.
 * That temporary gzip file is written under the disk reserve, which may stop it.
 */
final class LayerBlobs {
    private final LayerTars tars;
    private final BlobSources sources;
    private final Path tempDir;
    private final DiskReserve reserve;

    /** A layer as the registry now holds it. */
    record Pushed(Digest diffId, Digest digest, long size) {
    }

    LayerBlobs(LayerTars tars, BlobSources sources, Path tempDir, DiskReserve reserve) {
        this.tars = tars;
        this.sources = sources;
        this.tempDir = tempDir;
        this.reserve = reserve;
    }

    Path tempDir() throws IOException {
        return Files.createDirectories(tempDir);
    }

    Pushed push(RegistryClient client, RegistryReference reference, LayerRecord record, ProgressListener progress)
            throws InterruptedException, IOException {
        Digest diffId = Digest.parse(record.diffId());
        String shortId = diffId.hex().substring(0, 12);
        progress.item(shortId, "Preparing", -1, -1);
        Optional<BlobSources.Source> known = sources.find(diffId).filter(s -> isGzip(s.mediaType()));
        if (known.isPresent()) {
            Optional<Pushed> reused = reuse(client, reference, diffId, known.get(), shortId, progress);
            if (reused.isPresent()) {
                return reused.get();
            }
        }
        Path file = Files.createTempFile(tempDir(), "push-", ".tar.gz");
        try {
            Pushed built = rebuild(record, file);
            String target = reference.domain() + "/" + reference.path();
            if (client.hasBlob(reference.path(), built.digest())) {
                progress.item(shortId, "Layer already exists", -1, -1);
            } else {
                long[] last = {0};
                client.upload(reference.path(), built.digest(), file, current -> {
                    if (current - last[0] >= (512 << 10) || current == built.size()) {
                        last[0] = current;
                        progress.item(shortId, "Pushing", current, built.size());
                    }
                });
                progress.item(shortId, "Pushed", -1, -1);
            }
            sources.record(built.diffId(), built.digest().toString(), built.size(), MediaTypes.DOCKER_LAYER_GZIP, target);
            return built;
        } finally {
            ImagePuller.deleteQuietly(file);
        }
    }

    private Optional<Pushed> reuse(RegistryClient client, RegistryReference reference, Digest diffId,
                                   BlobSources.Source source, String shortId, ProgressListener progress)
            throws InterruptedException {
        Digest digest = Digest.parse(source.digest());
        Pushed pushed = new Pushed(diffId, digest, source.size());
        if (client.hasBlob(reference.path(), digest)) {
            progress.item(shortId, "Layer already exists", -1, -1);
            return Optional.of(pushed);
        }
        String prefix = reference.domain() + "/";
        for (String repository : source.repositories()) {
            String from = repository.substring(prefix.length());
            if (repository.startsWith(prefix) && !from.equals(reference.path())
                    && client.mount(reference.path(), digest, from)) {
                sources.record(diffId, source.digest(), source.size(), source.mediaType(), prefix + reference.path());
                progress.item(shortId, "Mounted from " + from, -1, -1);
                return Optional.of(pushed);
            }
        }
        return Optional.empty();
    }

    /** Writes the layer's tar, gzip-compressed, into {@code file}: its diff id, digest and size. */
    private Pushed rebuild(LayerRecord record, Path file) throws IOException {
        MessageDigest[] sha = new MessageDigest[1];
        WriteMeter meter = reserve.meter();
        Digest diffId = tars.write(Digest.parse(record.chainId()), tempDir(), meter, () -> {
            sha[0] = sha256();
            return new FastGzip(new DigestOutputStream(new MeteredOutputStream(
                    new BufferedOutputStream(Files.newOutputStream(file), 1 << 16), meter), sha[0]));
        });
        return new Pushed(diffId, Digest.sha256(HexFormat.of().formatHex(sha[0].digest())), Files.size(file));
    }

    private static boolean isGzip(String mediaType) {
        return mediaType.equals(MediaTypes.DOCKER_LAYER_GZIP) || mediaType.equals("application/vnd.oci.image.layer.v1.tar+gzip");
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new InternalException("the JDK has no SHA-256", e);
        }
    }

    /** gzip at level 1: push is bound by compression, and level 6 buys little on layer tars. */
    private static final class FastGzip extends GZIPOutputStream {
        FastGzip(OutputStream out) throws IOException {
            super(out, 1 << 16);
            def.setLevel(Deflater.BEST_SPEED);
        }
    }
}
