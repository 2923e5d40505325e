package io.launcher.http;

import java.io.IOException;

/** Answers one request; it must answer through the exchange before returning (or hijack it). */
@FunctionalInterface
public interface HttpHandler {
    void handle(HttpExchange exchange) throws IOException;
}
