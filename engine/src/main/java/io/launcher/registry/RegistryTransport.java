package io.launcher.registry;

import com.fasterxml.jackson.databind.JsonNode;
import io.launcher.api.FailedPreconditionException;
import io.launcher.api.InternalException;
import io.launcher.api.LauncherException;
import io.launcher.api.NotFoundException;
import io.launcher.api.UnavailableException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One registry's HTTP: answers auth challenges once per request, follows redirects itself
 * (dropping Authorization when a redirect leaves the registry's host, as blob storage on another
 * host must not see the registry's token) and turns error responses into the api faults.
 */
final class RegistryTransport {
    private static final int MAX_REDIRECTS = 10;

    private final HttpClient http;
    private final URI base;
    private final RegistryAuthenticator auth;

    RegistryTransport(HttpClient http, URI base, RegistryAuthenticator auth) {
        this.http = http;
        this.base = base;
        this.auth = auth;
    }

    URI base() {
        return base;
    }

    /** A request to the registry; the body, when given, is sent again on an auth retry. */
    record Call(String method, URI uri, Map<String, String> headers, HttpRequest.BodyPublisher body, String scope) {
    }

    /** Sends and returns the response of any status; the caller checks it. Redirects are followed for GET and HEAD. */
    HttpResponse<InputStream> send(Call call) throws InterruptedException {
        HttpResponse<InputStream> response = attempt(call, call.uri(), true);
        if (response.statusCode() == 401) {
            String challenge = response.headers().firstValue("WWW-Authenticate").orElse("");
            discard(response);
            if (auth.answer(challenge, call.scope())) {
                response = attempt(call, call.uri(), true);
            } else {
                response = attempt(call, call.uri(), false);
            }
        }
        int hops = 0;
        while (isRedirect(response.statusCode()) && (call.method().equals("GET") || call.method().equals("HEAD"))) {
            if (++hops > MAX_REDIRECTS) {
                discard(response);
                throw new UnavailableException("too many redirects from " + call.uri());
            }
            String location = response.headers().firstValue("Location")
                    .orElseThrow(() -> new UnavailableException("a redirect without a Location from " + call.uri()));
            URI next = response.uri().resolve(location);
            discard(response);
            response = attempt(call, next, sameHost(base, next));
        }
        return response;
    }

    private HttpResponse<InputStream> attempt(Call call, URI uri, boolean withAuth) throws InterruptedException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(30))
                .method(call.method(), call.body() == null ? HttpRequest.BodyPublishers.noBody() : call.body());
        call.headers().forEach(builder::header);
        if (withAuth) {
            auth.header(call.scope()).ifPresent(h -> builder.header("Authorization", h));
        }
        try {
            return http.send(builder.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new UnavailableException("unable to reach the registry at " + uri.getScheme() + "://" + uri.getAuthority()
                    + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
        }
    }

    static boolean sameHost(URI a, URI b) {
        return Objects.equals(a.getHost(), b.getHost()) && a.getPort() == b.getPort()
                && Objects.equals(a.getScheme(), b.getScheme());
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    static void discard(HttpResponse<InputStream> response) {
        try (InputStream body = response.body()) {
            body.transferTo(java.io.OutputStream.nullOutputStream());
        } catch (IOException e) {
            // the connection is dropped instead of reused
        }
    }

    /** The fault of an error response, worded as Docker's: {@code manifest unknown: manifest unknown}. */
    static LauncherException fault(HttpResponse<InputStream> response, String what) {
        String detail = errorText(response);
        int status = response.statusCode();
        String message = what + ": " + detail;
        return switch (status) {
            case 404 -> new NotFoundException(message);
            case 401, 403 -> new FailedPreconditionException(message);
            case 429, 502, 503, 504 -> new UnavailableException(message);
            default -> new InternalException(message + " (status " + status + ")");
        };
    }

    private static String errorText(HttpResponse<InputStream> response) {
        byte[] body;
        try (InputStream in = response.body()) {
            body = in.readNBytes(64 * 1024);
        } catch (IOException e) {
            body = new byte[0];
        }
        try {
            JsonNode root = Manifest.JSON.readTree(body);
            JsonNode first = root == null ? null : root.path("errors").path(0);
            if (first != null && !first.isMissingNode()) {
                String code = first.path("code").asText("").toLowerCase().replace('_', ' ');
                String message = first.path("message").asText("");
                return code.isEmpty() ? message : code + ": " + message;
            }
        } catch (IOException e) {
            // not JSON
        }
        return switch (response.statusCode()) {
            case 401 -> "unauthorized: authentication required";
            case 403 -> "denied: requested access to the resource is denied";
            case 404 -> "not found";
            default -> "status " + response.statusCode();
        };
    }

    static Optional<String> header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name);
    }
}
