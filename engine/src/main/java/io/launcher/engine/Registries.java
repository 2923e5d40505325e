package io.launcher.engine;

import io.launcher.api.RegistryCredentials;
import io.launcher.registry.RegistryClient;
import io.launcher.registry.RegistryReference;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which registries the engine talks to and how: plain HTTP to loopback hosts and to the
 * {@code --insecure-registry} ones, HTTPS otherwise; one HTTP client shared by every pull and push.
 */
final class Registries {
    static final long CHUNK_SIZE = 32L << 20;

    private final HttpClient http;
    private final Set<String> insecure;
    private final long chunkSize;

    Registries(List<String> insecureRegistries, long chunkSize) {
        // Redirects are followed by the transport, which drops Authorization when one leaves the host.
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(30)).build();
        this.insecure = Set.copyOf(insecureRegistries);
        this.chunkSize = chunkSize;
    }

    RegistryClient client(RegistryReference reference, Optional<RegistryCredentials> credentials) {
        return client(reference.apiHost(), credentials);
    }

    RegistryClient client(String host, Optional<RegistryCredentials> credentials) {
        return RegistryClient.connect(http, host, plainHttp(host), credentials, chunkSize);
    }

    boolean plainHttp(String host) {
        String name = hostName(host);
        return name.equals("localhost") || name.startsWith("127.") || name.equals("[::1]") || name.equals("::1")
                || insecure.contains(host) || insecure.contains(name);
    }

    private static String hostName(String host) {
        if (host.startsWith("[")) {
            int end = host.indexOf(']');
            return end < 0 ? host : host.substring(0, end + 1);
        }
        int colon = host.lastIndexOf(':');
        return colon < 0 ? host : host.substring(0, colon);
    }
}
