package io.launcher.registry;

import io.launcher.api.Digest;
import io.launcher.api.FailedPreconditionException;
import io.launcher.api.InternalException;
import io.launcher.api.RegistryCredentials;
import io.launcher.api.UnavailableException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongConsumer;

/**
 * The registry API v2 of one registry: manifests, blobs (downloaded with their digest checked,
 * uploaded whole or in chunks, mounted across repositories) and the {@code /v2/} check of a login.
 */
public final class RegistryClient {
    private static final String MANIFEST_ACCEPT = String.join(", ", MediaTypes.ACCEPTED);

    private final RegistryTransport transport;
    private final BlobTransfer blobs;

    private RegistryClient(RegistryTransport transport, long chunkSize) {
        this.transport = transport;
        this.blobs = new BlobTransfer(transport, chunkSize);
    }

    /** A client of the registry at {@code host[:port]}, over plain HTTP when {@code plainHttp}. */
    public static RegistryClient connect(HttpClient http, String host, boolean plainHttp,
                                         Optional<RegistryCredentials> credentials, long chunkSize) {
        URI base = URI.create((plainHttp ? "http://" : "https://") + host);
        return new RegistryClient(new RegistryTransport(http, base, new RegistryAuthenticator(http, credentials)), chunkSize);
    }

    /** A manifest as the registry serves it, with the digest of its exact bytes. */
    public record Fetched(byte[] bytes, String mediaType, Digest digest, Manifest manifest) {
    }

    /** Checks that the registry answers and accepts the credentials (what {@code login} does). */
    public void check() throws InterruptedException {
        HttpResponse<InputStream> response = transport.send(call("GET", "/v2/", Map.of(), null, ""));
        if (response.statusCode() != 200) {
            throw RegistryTransport.fault(response, "login to " + transport.base().getAuthority() + " failed");
        }
        RegistryTransport.discard(response);
    }

    public Fetched manifest(String repository, String reference) throws InterruptedException {
        HttpResponse<InputStream> response = transport.send(call("GET", "/v2/" + repository + "/manifests/" + reference,
                Map.of("Accept", MANIFEST_ACCEPT), null, pull(repository)));
        if (response.statusCode() != 200) {
            String separator = reference.startsWith("sha256:") ? "@" : ":";
            throw RegistryTransport.fault(response, "manifest for " + displayName(repository) + separator + reference + " not found");
        }
        byte[] bytes;
        try (InputStream body = response.body()) {
            bytes = body.readNBytes(4 << 20);
        } catch (IOException e) {
            throw new UnavailableException("unable to read the manifest of " + repository + ": " + e.getMessage(), e);
        }
        Digest digest = sha256(bytes);
        if (reference.startsWith("sha256:") && !reference.equals(digest.toString())) {
            throw new FailedPreconditionException("manifest verification failed for digest " + reference);
        }
        String type = RegistryTransport.header(response, "Content-Type").orElse("");
        Manifest manifest = Manifest.parse(bytes, type);
        return new Fetched(bytes, manifestType(manifest, type), digest, manifest);
    }

    /** A small blob (an image config) read whole into memory, its digest checked. */
    public byte[] smallBlob(String repository, Descriptor descriptor) throws InterruptedException {
        HttpResponse<InputStream> response = transport.send(blobCall("GET", repository, descriptor.digest()));
        if (response.statusCode() != 200) {
            throw RegistryTransport.fault(response, "unable to fetch blob " + descriptor.digest());
        }
        try (InputStream body = response.body()) {
            byte[] bytes = body.readNBytes(16 << 20);
            if (!sha256(bytes).equals(descriptor.digest())) {
                throw new FailedPreconditionException("image config verification failed for digest " + descriptor.digest());
            }
            return bytes;
        } catch (IOException e) {
            throw new UnavailableException("unable to read blob " + descriptor.digest() + ": " + e.getMessage(), e);
        }
    }

    /** Streams a blob into {@code target}, resuming with a Range request after a cut; checks size and digest. */
    public void download(String repository, Descriptor descriptor, Path target, LongConsumer progress)
            throws InterruptedException {
        blobs.download(repository, descriptor, target, progress);
    }

    public boolean hasBlob(String repository, Digest digest) throws InterruptedException {
        HttpResponse<InputStream> response = transport.send(blobCall("HEAD", repository, digest));
        RegistryTransport.discard(response);
        return response.statusCode() == 200;
    }

    /** Mounts a blob from another repository of the same registry; false when the registry declined. */
    public boolean mount(String repository, Digest digest, String from) throws InterruptedException {
        return blobs.mount(repository, digest, from);
    }

    public void upload(String repository, Digest digest, Path file, LongConsumer progress) throws InterruptedException {
        blobs.upload(repository, digest, file, progress);
    }

    /** Puts a manifest under a tag (or digest) and returns the digest the registry gave it. */
    public Digest putManifest(String repository, String reference, byte[] bytes, String mediaType) throws InterruptedException {
        HttpResponse<InputStream> response = transport.send(call("PUT", "/v2/" + repository + "/manifests/" + reference,
                Map.of("Content-Type", mediaType), HttpRequest.BodyPublishers.ofByteArray(bytes), push(repository)));
        if (response.statusCode() != 201 && response.statusCode() != 200) {
            throw RegistryTransport.fault(response, "unable to put the manifest of " + repository + ":" + reference);
        }
        RegistryTransport.discard(response);
        return sha256(bytes);
    }

    /** The repository as Docker names it in messages: {@code busybox}, {@code host:5000/a/b}. */
    private String displayName(String repository) {
        if (transport.base().getHost().equals("registry-1.docker.io")) {
            return repository.startsWith("library/") && repository.indexOf('/', 8) < 0 ? repository.substring(8) : repository;
        }
        return transport.base().getAuthority() + "/" + repository;
    }

    private RegistryTransport.Call blobCall(String method, String repository, Digest digest) {
        return call(method, "/v2/" + repository + "/blobs/" + digest, Map.of(), null, pull(repository));
    }

    private RegistryTransport.Call call(String method, String path, Map<String, String> headers,
                                        HttpRequest.BodyPublisher body, String scope) {
        return new RegistryTransport.Call(method, transport.base().resolve(path), headers, body, scope);
    }

    static String pull(String repository) {
        return "repository:" + repository + ":pull";
    }

    static String push(String repository) {
        return "repository:" + repository + ":pull,push";
    }

    private static String manifestType(Manifest manifest, String contentType) {
        String declared = manifest instanceof Manifest.Image image ? image.mediaType() : ((Manifest.Index) manifest).mediaType();
        return declared.isEmpty() ? contentType : declared;
    }

    static Digest sha256(byte[] bytes) {
        return Digest.sha256(HexFormat.of().formatHex(newSha256().digest(bytes)));
    }

    static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new InternalException("the JDK has no SHA-256", e);
        }
    }
}
