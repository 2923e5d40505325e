package io.launcher.engine;

import io.launcher.api.Digest;
import io.launcher.registry.Descriptor;
import io.launcher.registry.MediaTypes;
import io.launcher.registry.RegistryClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/** Builds images straight into a registry with the protocol client: layer tars, config, manifest. */
final class RegistryImages {
    private RegistryImages() {
    }

    /** A layer tar of files (a name ending in / is a folder) in order. */
    static byte[] tar(Map<String, byte[]> files) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                TarArchiveEntry entry = new TarArchiveEntry(file.getKey());
                if (!file.getKey().endsWith("/")) {
                    entry.setSize(file.getValue().length);
                    entry.setMode(0644);
                }
                tar.putArchiveEntry(entry);
                if (!file.getKey().endsWith("/")) {
                    tar.write(file.getValue());
                }
                tar.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }

    static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        }
        return out.toByteArray();
    }

    static byte[] config(List<byte[]> tars, String architecture, String cmd) {
        StringBuilder ids = new StringBuilder();
        for (byte[] tar : tars) {
            ids.append(ids.length() == 0 ? "" : ",").append('"').append(Sha256.of(tar)).append('"');
        }
        return ("{\"architecture\":\"" + architecture + "\",\"os\":\"linux\",\"config\":{\"Cmd\":[\"" + cmd + "\"]},"
                + "\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[" + ids + "]},\"history\":[]}").getBytes(StandardCharsets.UTF_8);
    }

    /** Uploads the blobs and puts an OCI image manifest under {@code reference}; returns the manifest. */
    static byte[] push(RegistryClient client, Path temp, String repository, String reference, byte[] config,
                       List<byte[]> tars) throws IOException, InterruptedException {
        upload(client, temp, repository, config);
        List<Descriptor> layers = new ArrayList<>();
        for (byte[] tar : tars) {
            byte[] blob = gzip(tar);
            layers.add(new Descriptor("application/vnd.oci.image.layer.v1.tar+gzip", upload(client, temp, repository, blob), blob.length));
        }
        StringBuilder json = new StringBuilder("{\"schemaVersion\":2,\"mediaType\":\"" + MediaTypes.OCI_MANIFEST + "\",")
                .append("\"config\":{\"mediaType\":\"application/vnd.oci.image.config.v1+json\",\"digest\":\"")
                .append(Sha256.of(config)).append("\",\"size\":").append(config.length).append("},\"layers\":[");
        for (int i = 0; i < layers.size(); i++) {
            Descriptor d = layers.get(i);
            json.append(i == 0 ? "" : ",").append("{\"mediaType\":\"").append(d.mediaType()).append("\",\"digest\":\"")
                    .append(d.digest()).append("\",\"size\":").append(d.size()).append('}');
        }
        byte[] manifest = json.append("]}").toString().getBytes(StandardCharsets.UTF_8);
        client.putManifest(repository, reference, manifest, MediaTypes.OCI_MANIFEST);
        return manifest;
    }

    static void index(RegistryClient client, String repository, String tag, Map<String, byte[]> manifestsByArch)
            throws InterruptedException {
        StringBuilder json = new StringBuilder("{\"schemaVersion\":2,\"mediaType\":\"" + MediaTypes.OCI_INDEX + "\",\"manifests\":[");
        boolean first = true;
        for (Map.Entry<String, byte[]> m : manifestsByArch.entrySet()) {
            json.append(first ? "" : ",").append("{\"mediaType\":\"").append(MediaTypes.OCI_MANIFEST).append("\",\"digest\":\"")
                    .append(Sha256.of(m.getValue())).append("\",\"size\":").append(m.getValue().length)
                    .append(",\"platform\":{\"os\":\"linux\",\"architecture\":\"").append(m.getKey()).append("\"}}");
            first = false;
        }
        client.putManifest(repository, tag, json.append("]}").toString().getBytes(StandardCharsets.UTF_8), MediaTypes.OCI_INDEX);
    }

    private static Digest upload(RegistryClient client, Path temp, String repository, byte[] blob)
            throws IOException, InterruptedException {
        Digest digest = Sha256.of(blob);
        if (!client.hasBlob(repository, digest)) {
            Path file = Files.createTempFile(temp, "blob", ".bin");
            Files.write(file, blob);
            client.upload(repository, digest, file, n -> { });
            Files.delete(file);
        }
        return digest;
    }
}
