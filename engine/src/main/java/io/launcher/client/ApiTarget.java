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
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20").replace("%3A", ":");
    }

    @Override
    public String toString() {
        String q = query.toString();
        return q.isEmpty() ? path.toString() : path + "?" + q;
    }
}
