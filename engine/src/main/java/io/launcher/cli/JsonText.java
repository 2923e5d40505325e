package io.launcher.cli;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Writes the plain value trees the CLI prints (maps, lists, strings, numbers, booleans) as JSON
 * the way Go's encoding/json does: compact without HTML escapes for {@code --format '{{json .}}'}
 * (the docker CLI's template function turns them off), indented with them for {@code inspect}
 * (the daemon's encoder keeps them). Hand-written so that {@code ps --format '{{json .}}'} does not
 * load a JSON library on the hot path.
 */
final class JsonText {
    private final String indent;
    private final boolean escapeHtml;

    private JsonText(String indent, boolean escapeHtml) {
        this.indent = indent;
        this.escapeHtml = escapeHtml;
    }

    static String compact(Object value) {
        StringBuilder text = new StringBuilder();
        new JsonText(null, false).write(text, value, "");
        return text.toString();
    }

    /** Indented by {@code indent} per level, as Go's MarshalIndent. */
    static String indented(Object value, String indent) {
        StringBuilder text = new StringBuilder();
        new JsonText(indent, true).write(text, value, "");
        return text.toString();
    }

    private void write(StringBuilder text, Object value, String prefix) {
        if (value == null) {
            text.append("null");
        } else if (value instanceof String string) {
            quote(text, string, escapeHtml);
        } else if (value instanceof Number || value instanceof Boolean) {
            text.append(value);
        } else if (value instanceof Map<?, ?> map) {
            writeMap(text, map, prefix);
        } else if (value instanceof List<?> list) {
            writeList(text, list, prefix);
        } else {
            quote(text, value.toString(), escapeHtml);
        }
    }

    private void writeMap(StringBuilder text, Map<?, ?> map, String prefix) {
        if (map.isEmpty()) {
            text.append("{}");
            return;
        }
        String inner = indent == null ? "" : prefix + indent;
        text.append('{');
        Iterator<? extends Map.Entry<?, ?>> entries = map.entrySet().iterator();
        while (entries.hasNext()) {
            Map.Entry<?, ?> entry = entries.next();
            newline(text, inner);
            quote(text, entry.getKey().toString(), escapeHtml);
            text.append(indent == null ? ":" : ": ");
            write(text, entry.getValue(), inner);
            if (entries.hasNext()) {
                text.append(',');
            }
        }
        newline(text, prefix);
        text.append('}');
    }

    private void writeList(StringBuilder text, List<?> list, String prefix) {
        if (list.isEmpty()) {
            text.append("[]");
            return;
        }
        String inner = indent == null ? "" : prefix + indent;
        text.append('[');
        for (int i = 0; i < list.size(); i++) {
            newline(text, inner);
            write(text, list.get(i), inner);
            if (i < list.size() - 1) {
                text.append(',');
            }
        }
        newline(text, prefix);
        text.append(']');
    }

    private void newline(StringBuilder text, String prefix) {
        if (indent != null) {
            text.append('\n').append(prefix);
        }
    }

    /** A JSON string; control characters as \\u00XX, and {@code < > &} too when escaping HTML. */
    static void quote(StringBuilder text, String string, boolean escapeHtml) {
        text.append('"');
        for (int i = 0; i < string.length(); i++) {
            char c = string.charAt(i);
            switch (c) {
                case '"' -> text.append("\\\"");
                case '\\' -> text.append("\\\\");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                case '\t' -> text.append("\\t");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029' || escapeHtml && (c == '<' || c == '>' || c == '&')) {
                        text.append(String.format("\\u%04x", (int) c));
                    } else {
                        text.append(c);
                    }
                }
            }
        }
        text.append('"');
    }
}
