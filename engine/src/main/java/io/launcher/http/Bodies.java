package io.launcher.http;

import java.io.InputStream;

/** Chooses how a message body is framed, from its head (RFC 9112 section 6.3). */
final class Bodies {
    private Bodies() {
    }

    /** A request without Content-Length or chunked coding has no body. */
    static InputStream request(Headers headers, InputStream in) {
        if (headers.chunked()) {
            return new ChunkedInputStream(in);
        }
        long length = headers.contentLength();
        return new FixedLengthInputStream(in, Math.max(length, 0));
    }

    /** A response to HEAD, a 1xx, 204 or 304 has no body; one without framing runs to the close. */
    static InputStream response(String method, int status, Headers headers, InputStream in) {
        if (method.equals("HEAD") || status / 100 == 1 || status == 204 || status == 304) {
            return InputStream.nullInputStream();
        }
        if (headers.chunked()) {
            return new ChunkedInputStream(in);
        }
        long length = headers.contentLength();
        return length >= 0 ? new FixedLengthInputStream(in, length) : in;
    }
}
