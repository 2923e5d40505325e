package io.launcher.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A decoded query string: each parameter with its values in order ({@code changes=a&changes=b}). */
public record Query(Map<String, List<String>> parameters) {
    public static final Query EMPTY = new Query(Map.of());

    public Query {
        parameters = Map.copyOf(parameters);
    }

    public static Query parse(String raw) {
        if (raw == null || raw.isEmpty()) {
            return EMPTY;
        }
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            parameters.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        parameters.replaceAll((k, v) -> List.copyOf(v));
        return new Query(parameters);
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new HttpProtocolException("malformed query string: " + text);
        }
    }

    public Optional<String> first(String name) {
        List<String> values = parameters.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    public String get(String name, String fallback) {
        return first(name).orElse(fallback);
    }

    public List<String> all(String name) {
        return parameters.getOrDefault(name, List.of());
    }

    /** A boolean as Docker reads one: {@code 1}, {@code true} (any case) and a bare name are true. */
    public boolean flag(String name) {
        return first(name).map(v -> v.isEmpty() || v.equals("1") || v.equalsIgnoreCase("true")).orElse(false);
    }

    /** The parameter as an integer; absent or empty gives the fallback, garbage is a bad request. */
    public long number(String name, long fallback) {
        Optional<String> value = first(name).filter(v -> !v.isEmpty());
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            return Long.parseLong(value.get());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("invalid value for " + name + ": " + value.get(), e);
        }
    }
}
