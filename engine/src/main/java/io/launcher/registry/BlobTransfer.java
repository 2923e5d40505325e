package io.launcher.registry;

import io.launcher.api.Digest;
import io.launcher.api.FailedPreconditionException;
import io.launcher.api.InternalException;
import io.launcher.api.UnavailableException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.function.LongConsumer;

/**
 * Blob bodies: downloads hashed while written and resumed with {@code Range} after a cut,
 * uploads whole (POST then PUT ?digest=) or in PATCH chunks, cross-repository mounts.
 */
final class BlobTransfer {
    private static final int ATTEMPTS = 3;

    private final RegistryTransport transport;
    private final long chunkSize;

    BlobTransfer(RegistryTransport transport, long chunkSize) {
        this.transport = transport;
        this.chunkSize = chunkSize;
    }

    void download(String repository, Descriptor descriptor, Path target, LongConsumer progress) throws InterruptedException {
        MessageDigest sha = RegistryClient.newSha256();
        long written = 0;
        IOException lastCut = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Map<String, String> headers = written > 0 ? Map.of("Range", "bytes=" + written + "-") : Map.of();
            HttpResponse<InputStream> response = transport.send(new RegistryTransport.Call("GET",
                    transport.base().resolve("/v2/" + repository + "/blobs/" + descriptor.digest()), headers, null,
                    RegistryClient.pull(repository)));
            int status = response.statusCode();
            if (status != 200 && status != 206) {
                throw RegistryTransport.fault(response, "unable to fetch blob " + descriptor.digest());
            }
            if (status == 200 && written > 0) {
                // The registry ignored the range: start over.
                written = 0;
                sha.reset();
            }
            try (InputStream body = response.body();
                 OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                         written == 0 ? StandardOpenOption.TRUNCATE_EXISTING : StandardOpenOption.APPEND)) {
                byte[] buffer = new byte[128 * 1024];
                for (int n = body.read(buffer); n >= 0; n = body.read(buffer)) {
                    out.write(buffer, 0, n);
                    sha.update(buffer, 0, n);
                    written += n;
                    progress.accept(written);
                    if (written > descriptor.size()) {
                        throw new FailedPreconditionException("filesystem layer verification failed for digest "
                                + descriptor.digest() + ": more bytes than the manifest says");
                    }
                }
                lastCut = null;
                break;
            } catch (IOException e) {
                lastCut = e;
            }
        }
        if (lastCut != null) {
            throw new UnavailableException("unable to download blob " + descriptor.digest() + ": " + lastCut.getMessage(), lastCut);
        }
        Digest actual = Digest.sha256(HexFormat.of().formatHex(sha.digest()));
        if (written != descriptor.size() || !actual.equals(descriptor.digest())) {
            throw new FailedPreconditionException("filesystem layer verification failed for digest " + descriptor.digest());
        }
    }

    boolean mount(String repository, Digest digest, String from) throws InterruptedException {
        HttpResponse<InputStream> response = transport.send(new RegistryTransport.Call("POST",
                transport.base().resolve("/v2/" + repository + "/blobs/uploads/?mount=" + digest + "&from=" + encode(from)),
                Map.of(), HttpRequest.BodyPublishers.noBody(),
                RegistryClient.push(repository) + " " + RegistryClient.pull(from)));
        RegistryTransport.discard(response);
        if (response.statusCode() == 202) {
            // Declined: an upload session was opened instead; cancel it so it does not linger.
            RegistryTransport.header(response, "Location").ifPresent(location -> cancel(response.uri().resolve(location), repository));
        }
        return response.statusCode() == 201;
    }

    void upload(String repository, Digest digest, Path file, LongConsumer progress) throws InterruptedException {
        long size = size(file);
        URI location = start(repository);
        long offset = 0;
        if (size > chunkSize) {
            while (offset < size) {
                long length = Math.min(chunkSize, size - offset);
                location = patch(repository, location, file, offset, length, progress);
                offset += length;
            }
        }
        long rest = size - offset;
        String separator = location.getRawQuery() == null ? "?" : "&";
        URI finish = URI.create(location + separator + "digest=" + encode(digest.toString()));
        Map<String, String> headers = Map.of("Content-Type", "application/octet-stream");
        HttpRequest.BodyPublisher body = rest == 0 ? HttpRequest.BodyPublishers.noBody()
                : region(file, offset, rest, progress);
        HttpResponse<InputStream> response = transport.send(new RegistryTransport.Call("PUT", finish, headers, body,
                RegistryClient.push(repository)));
        if (response.statusCode() != 201) {
            throw RegistryTransport.fault(response, "unable to upload blob " + digest);
        }
        RegistryTransport.discard(response);
    }

    private URI start(String repository) throws InterruptedException {
        HttpResponse<InputStream> response = transport.send(new RegistryTransport.Call("POST",
                transport.base().resolve("/v2/" + repository + "/blobs/uploads/"), Map.of(),
                HttpRequest.BodyPublishers.noBody(), RegistryClient.push(repository)));
        if (response.statusCode() != 202) {
            throw RegistryTransport.fault(response, "unable to start an upload to " + repository);
        }
        RegistryTransport.discard(response);
        return response.uri().resolve(RegistryTransport.header(response, "Location")
                .orElseThrow(() -> new UnavailableException("the registry opened an upload without a Location")));
    }

    private URI patch(String repository, URI location, Path file, long offset, long length, LongConsumer progress)
            throws InterruptedException {
        Map<String, String> headers = Map.of("Content-Type", "application/octet-stream",
                "Content-Range", offset + "-" + (offset + length - 1));
        HttpResponse<InputStream> response = transport.send(new RegistryTransport.Call("PATCH", location, headers,
                region(file, offset, length, progress), RegistryClient.push(repository)));
        if (response.statusCode() != 202) {
            throw RegistryTransport.fault(response, "unable to upload a chunk to " + repository);
        }
        RegistryTransport.discard(response);
        return response.uri().resolve(RegistryTransport.header(response, "Location").orElse(location.toString()));
    }

    private void cancel(URI location, String repository) {
        try {
            RegistryTransport.discard(transport.send(new RegistryTransport.Call("DELETE", location, Map.of(), null,
                    RegistryClient.push(repository))));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // an abandoned upload session expires on the registry by itself
        }
    }

    /** A part of the file as a body of known length that counts what was sent. */
    private static HttpRequest.BodyPublisher region(Path file, long offset, long length, LongConsumer progress) {
        return HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(() -> {
            try {
                InputStream in = Files.newInputStream(file);
                in.skipNBytes(offset);
                return new CountingInput(in, length, offset, progress);
            } catch (IOException e) {
                throw new InternalException("unable to read " + file + ": " + e.getMessage(), e);
            }
        }), length);
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new InternalException("unable to read " + file + ": " + e.getMessage(), e);
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** At most {@code limit} bytes of the stream, reporting the running total from {@code base}. */
    private static final class CountingInput extends InputStream {
        private final InputStream in;
        private final LongConsumer progress;
        private long left;
        private long total;

        CountingInput(InputStream in, long limit, long base, LongConsumer progress) {
            this.in = in;
            this.left = limit;
            this.total = base;
            this.progress = progress;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (left <= 0) {
                return -1;
            }
            int n = in.read(buffer, offset, (int) Math.min(length, left));
            if (n > 0) {
                left -= n;
                total += n;
                progress.accept(total);
            }
            return n;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
