package io.launcher.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** A response as a client reads it: status, header fields and the de-framed body. */
public record HttpResponse(int status, Headers headers, InputStream body) {

    public String bodyText() throws IOException {
        return new String(body.readAllBytes(), StandardCharsets.UTF_8);
    }

    public boolean successful() {
        return status / 100 == 2 || status == 101 || status == 304;
    }
}
