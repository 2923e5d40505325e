package io.launcher.daemon;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.launcher.api.LauncherException;
import io.launcher.http.Headers;
import io.launcher.http.HttpExchange;
import io.launcher.http.HttpHandler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes Docker Engine API calls, with or without a {@code /v1.NN} prefix, and turns every
 * failure into Docker's error body {@code {"message": ...}}: the fault's status, 400 for
 * malformed input, a one-line 500 for anything unexpected (the stack trace stays in the log).
 */
final class ApiRouter implements HttpHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ApiRouter.class);

    private final List<Route> routes;

    ApiRouter(List<Route> routes) {
        this.routes = List.copyOf(routes);
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        ApiVersions.VersionedPath target = ApiVersions.split(exchange.path());
        // HEAD is answered as GET without the body (only /_ping is asked so, by the docker CLI).
        String method = exchange.method().equals("HEAD") ? "GET" : exchange.method();
        for (Route route : routes) {
            Matcher m = route.path().matcher(target.path());
            if (route.method().equals(method) && m.matches()) {
                List<String> params = new ArrayList<>();
                for (int i = 1; i <= m.groupCount(); i++) {
                    params.add(m.group(i));
                }
                dispatch(route, new ApiRequest(exchange, params, target.version()));
                return;
            }
        }
        error(exchange, 404, "page not found", null);
    }

    private void dispatch(Route route, ApiRequest request) throws IOException {
        HttpExchange exchange = request.exchange();
        try {
            route.handler().handle(request);
        } catch (LauncherException e) {
            fail(exchange, e.httpStatus(), e.getMessage(), ApiFaults.name(e), e);
        } catch (JsonProcessingException e) {
            fail(exchange, 400, "invalid JSON: " + e.getOriginalMessage(), "InvalidSpec", e);
        } catch (IllegalArgumentException e) {
            fail(exchange, 400, e.getMessage(), "InvalidSpec", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail(exchange, 500, "interrupted", "Internal", e);
        } catch (RuntimeException e) {
            LOG.error("unexpected failure on {} {}", exchange.method(), exchange.path(), e);
            fail(exchange, 500, oneLine(e), "Internal", e);
        }
    }

    private static void fail(HttpExchange exchange, int status, String message, String fault, Exception cause)
            throws IOException {
        if (exchange.committed()) {
            // Too late for a status: cutting the connection is the only honest signal left.
            throw new IOException("failure after the response began: " + oneLine(cause), cause);
        }
        error(exchange, status, message, fault);
    }

    private static void error(HttpExchange exchange, int status, String message, String fault) throws IOException {
        byte[] body = (DockerMapper.MAPPER.writeValueAsString(DockerJson.object().put("message", message)) + "\n")
                .getBytes(StandardCharsets.UTF_8);
        Headers headers = Headers.of("Content-Type", "application/json");
        if (fault != null) {
            headers.add(ApiFaults.HEADER, fault);
        }
        exchange.respond(status, headers, body);
    }

    private static String oneLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.lines().findFirst().orElse("internal error");
    }
}
