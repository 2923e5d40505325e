package io.launcher.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/** The parsed first line of a request: method, decoded path, query, protocol version. */
public record RequestLine(String method, String path, Query query, String version) {

    public static RequestLine parse(String line) {
        String[] parts = line.split(" ");
        if (parts.length != 3 || !parts[2].startsWith("HTTP/1.")) {
            throw new HttpProtocolException("malformed request line: " + line);
        }
        String target = parts[1];
        int question = target.indexOf('?');
        String rawPath = question < 0 ? target : target.substring(0, question);
        Query query = Query.parse(question < 0 ? "" : target.substring(question + 1));
        // '+' means '+' in a path (only the query uses it for a space), so protect it from URLDecoder.
        String path = URLDecoder.decode(rawPath.replace("+", "%2B"), StandardCharsets.UTF_8);
        return new RequestLine(parts[0], path, query, parts[2]);
    }

    /** The request target to send: the path and the encoded query. */
    public static String target(String path, String encodedQuery) {
        return encodedQuery.isEmpty() ? path : path + "?" + encodedQuery;
    }
}
