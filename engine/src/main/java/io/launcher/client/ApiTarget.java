package io.launcher.client;

import io.launcher.daemon.ApiVersions;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.StringJoiner;

/** A request target under {@code /v1.47}: path segments percent-encoded, then the query. */
final class ApiTarget {
    private final StringBuilder path = new StringBuilder("/v" + ApiVersions.CURRENT);
    private final StringJoiner query = new StringJoiner("&");

    static ApiTarget of(String... segments) {
        ApiTarget target = new ApiTarget();
        for (String segment : segments) {
            target.segment(segment);
        }
        return target;
    }

    /** One path segment; an image name keeps its slashes, as Docker routes it. */
    ApiTarget segment(String text) {
        for (String part : text.split("/", -1)) {
            path.append('/').append(encode(part));
        }
        return this;
    }

    ApiTarget param(String name, String value) {
        query.add(encode(name) + "=" + encode(value));
        return this;
    }

    ApiTarget param(String name, boolean value) {
        return param(name, value ? "1" : "0");
    }

    private static String encode(String text) {
        if (unchanged(text)) {
            return text;
        }
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20").replace("%3A", ":");
    }

    /**
     * Whether encoding leaves the text as it is: only characters URLEncoder keeps ({@code a-z A-Z
     * 0-9 . - * _}) and ':', which is put back. Most segments are such words ({@code containers},
     * an id): URLEncoder's set-up cost a short CLI call ~0.6 ms before its first request.
     */
    private static boolean unchanged(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean kept = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || c == '.' || c == '-' || c == '*' || c == '_' || c == ':';
            if (!kept) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        String q = query.toString();
        return q.isEmpty() ? path.toString() : path + "?" + q;
    }
}
