package io.launcher.registry;

import com.fasterxml.jackson.databind.JsonNode;
import io.launcher.api.FailedPreconditionException;
import io.launcher.api.RegistryCredentials;
import io.launcher.api.UnavailableException;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Answers a registry's 401 challenges: a Bearer challenge is met with a token from its realm
 * (Docker Hub's flow, with the credentials as basic auth when given), a Basic one with the
 * credentials themselves. Tokens are kept per scope for the life of the client.
 */
final class RegistryAuthenticator {
    private final HttpClient http;
    private final Optional<RegistryCredentials> credentials;
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    private volatile AuthChallenge challenge;

    RegistryAuthenticator(HttpClient http, Optional<RegistryCredentials> credentials) {
        this.http = http;
        this.credentials = credentials.filter(c -> !c.isEmpty());
    }

    /** The Authorization header for a request in this scope, if a challenge was met before. */
    Optional<String> header(String scope) {
        AuthChallenge known = challenge;
        if (known == null) {
            return Optional.empty();
        }
        if (known.isBasic()) {
            return credentials.map(RegistryAuthenticator::basic);
        }
        return Optional.ofNullable(tokens.get(scope)).map(t -> "Bearer " + t);
    }

    /** Learns from a 401; true when a retry with {@link #header(String)} may now succeed. */
    boolean answer(String wwwAuthenticate, String scope) throws InterruptedException {
        Optional<AuthChallenge> parsed = AuthChallenge.parse(wwwAuthenticate);
        if (parsed.isEmpty()) {
            return false;
        }
        AuthChallenge next = parsed.get();
        boolean firstTime = challenge == null || !challenge.scheme().equals(next.scheme());
        challenge = next;
        if (next.isBasic()) {
            return credentials.isPresent() && firstTime;
        }
        if (!next.isBearer() || next.parameter("realm").isEmpty()) {
            return false;
        }
        String wanted = next.parameter("scope").isEmpty() ? scope : next.parameter("scope");
        tokens.put(scope, fetchToken(next, wanted));
        return true;
    }

    private String fetchToken(AuthChallenge bearer, String scope) throws InterruptedException {
        StringBuilder uri = new StringBuilder(bearer.parameter("realm"));
        uri.append(uri.indexOf("?") < 0 ? '?' : '&');
        uri.append("service=").append(encode(bearer.parameter("service")));
        for (String one : scope.split(" ")) {
            if (!one.isEmpty()) {
                uri.append("&scope=").append(encode(one));
            }
        }
        credentials.ifPresent(c -> uri.append("&account=").append(encode(c.username())));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri.toString()))
                .timeout(Duration.ofSeconds(60)).GET();
        credentials.ifPresent(c -> request.header("Authorization", basic(c)));
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() == 401 || response.statusCode() == 403) {
                throw new FailedPreconditionException("unauthorized: incorrect username or password");
            }
            if (response.statusCode() != 200) {
                throw new UnavailableException("unable to get a token from " + bearer.parameter("realm")
                        + ": status " + response.statusCode());
            }
            JsonNode body = Manifest.JSON.readTree(response.body());
            String token = body.path("token").asText(body.path("access_token").asText(""));
            if (token.isEmpty()) {
                throw new UnavailableException("the token service " + bearer.parameter("realm") + " sent no token");
            }
            return token;
        } catch (IOException e) {
            throw new UnavailableException("unable to get a token from " + bearer.parameter("realm") + ": " + e.getMessage(), e);
        }
    }

    static String basic(RegistryCredentials c) {
        return "Basic " + Base64.getEncoder().encodeToString((c.username() + ":" + c.password()).getBytes(StandardCharsets.UTF_8));
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
