package io.launcher.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The first line and header fields of an HTTP/1.1 message, read from and written to a stream.
 * The input must not be read ahead of the head's end by anyone else: the body follows on it.
 */
public record MessageHead(String startLine, Headers headers) {
    private static final int MAX_LINE = 16 * 1024;
    private static final int MAX_FIELDS = 200;

    /** Reads a head; empty when the peer closed the stream cleanly before its first byte. */
    public static Optional<MessageHead> read(InputStream in) throws IOException {
        String start = readLine(in, true);
        if (start == null) {
            return Optional.empty();
        }
        if (start.isEmpty()) {
            // RFC 9112 section 2.2: a server should ignore an empty line before the request line.
            start = readLine(in, false);
        }
        Headers headers = new Headers();
        for (int count = 0; ; count++) {
            String line = readLine(in, false);
            if (line.isEmpty()) {
                return Optional.of(new MessageHead(start, headers));
            }
            if (count >= MAX_FIELDS) {
                throw new HttpProtocolException("too many header fields");
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new HttpProtocolException("malformed header field: " + line);
            }
            headers.add(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
        }
    }

    /** Reads one line ended by CRLF or LF; null at a clean end of stream when allowed. */
    static String readLine(InputStream in, boolean endAllowed) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(64);
        while (true) {
            int b = in.read();
            if (b < 0) {
                if (endAllowed && line.size() == 0) {
                    return null;
                }
                throw new HttpProtocolException("connection closed inside a message head");
            }
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
            }
            if (line.size() >= MAX_LINE) {
                throw new HttpProtocolException("header line longer than " + MAX_LINE + " bytes");
            }
            line.write(b);
        }
    }

    public void write(OutputStream out) throws IOException {
        StringBuilder text = new StringBuilder(256).append(startLine).append("\r\n");
        headers.appendTo(text);
        text.append("\r\n");
        out.write(text.toString().getBytes(StandardCharsets.ISO_8859_1));
    }
}
