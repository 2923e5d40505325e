package io.launcher.http;

/** The peer broke HTTP/1.1: a malformed head, a bad chunk size, a body cut short. */
public final class HttpProtocolException extends RuntimeException {

    public HttpProtocolException(String message) {
        super(message);
    }
}
