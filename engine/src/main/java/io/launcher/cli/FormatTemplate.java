package io.launcher.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * The subset of Go templates that {@code --format} needs: literal text, {@code {{.Field}}},
 * {@code {{.A.B}}}, {@code {{.}}}, {@code {{json .}}}, {@code {{json .Field}}}, a {@code table}
 * prefix (aligned columns under a header) and the escapes {@code \t} and {@code \n}, as
 * Docker's formatter applies them. Values are plain trees of maps, lists and scalars.
 */
final class FormatTemplate {
    private static final String TABLE = "table";

    private sealed interface Part permits Literal, Action {
    }

    private record Literal(String text) implements Part {
    }

    private record Action(boolean json, List<String> path) implements Part {
    }

    private final boolean table;
    private final List<Part> parts;

    private FormatTemplate(boolean table, List<Part> parts) {
        this.table = table;
        this.parts = parts;
    }

    /**
     * Parses a format; a malformed or unsupported one fails with a one-line reason. {@code json}
     * alone is the docker CLI's short form of <code>{{json .}}</code>.
     */
    static FormatTemplate parse(String format) {
        String text = format.equals("json") ? "{{json .}}" : format;
        boolean table = text.startsWith(TABLE);
        if (table) {
            text = text.substring(TABLE.length());
        }
        text = text.strip().replace("\\t", "\t").replace("\\n", "\n");
        List<Part> parts = new ArrayList<>();
        int at = 0;
        while (at < text.length()) {
            int open = text.indexOf("{{", at);
            if (open < 0) {
                parts.add(new Literal(text.substring(at)));
                break;
            }
            if (open > at) {
                parts.add(new Literal(text.substring(at, open)));
            }
            int close = text.indexOf("}}", open);
            if (close < 0) {
                throw new IllegalArgumentException("template parsing error: unclosed action in " + format);
            }
            parts.add(action(text.substring(open + 2, close).strip(), format));
            at = close + 2;
        }
        return new FormatTemplate(table, parts);
    }

    private static Action action(String body, String format) {
        boolean json = body.startsWith("json ") || body.equals("json");
        String path = json ? body.substring(4).strip() : body;
        if (!path.startsWith(".") || path.contains(" ")) {
            throw new IllegalArgumentException("template parsing error: unsupported action {{" + body + "}} in " + format);
        }
        List<String> fields = new ArrayList<>();
        for (String field : path.substring(1).split("\\.")) {
            if (!field.isEmpty()) {
                fields.add(field);
            }
        }
        return new Action(json, fields);
    }

    boolean table() {
        return table;
    }

    String render(Map<String, ?> data) {
        StringBuilder text = new StringBuilder();
        for (Part part : parts) {
            if (part instanceof Literal literal) {
                text.append(literal.text());
            } else if (part instanceof Action action) {
                Object value = lookup(data, action.path());
                text.append(action.json() ? JsonText.compact(value) : goText(value));
            }
        }
        return text.toString();
    }

    /**
     * Whether a row's {@code field} can show: named by an action, or the whole row is ({@code {{.}}},
     * {@code {{json .}}}). A field that never shows need not be worked out: Go's local-time text
     * loads the JDK's time-zone rules and names, ~20 ms of a short call.
     */
    boolean uses(String field) {
        for (Part part : parts) {
            if (part instanceof Action action && (action.path().isEmpty() || action.path().get(0).equals(field))) {
                return true;
            }
        }
        return false;
    }

    /** The header line of a table: each field's column title, or its name in upper case. */
    String header(Map<String, String> titles) {
        StringBuilder text = new StringBuilder();
        for (Part part : parts) {
            if (part instanceof Literal literal) {
                text.append(literal.text());
            } else if (part instanceof Action action && !action.path().isEmpty()) {
                String field = action.path().get(action.path().size() - 1);
                text.append(titles.getOrDefault(field, field.toUpperCase(java.util.Locale.ROOT)));
            }
        }
        return text.toString();
    }

    private static Object lookup(Object data, List<String> path) {
        Object value = data;
        for (String field : path) {
            if (!(value instanceof Map<?, ?> map)) {
                return null;
            }
            value = map.get(field);
        }
        return value;
    }

    /** How Go's text/template prints a value. */
    static String goText(Object value) {
        if (value == null) {
            return "<no value>";
        }
        if (value instanceof List<?> list) {
            StringJoiner joined = new StringJoiner(" ", "[", "]");
            list.forEach(item -> joined.add(goText(item)));
            return joined.toString();
        }
        if (value instanceof Map<?, ?> map) {
            StringJoiner joined = new StringJoiner(" ", "map[", "]");
            new TreeMap<>(map).forEach((key, item) -> joined.add(key + ":" + goText(item)));
            return joined.toString();
        }
        return value.toString();
    }
}
