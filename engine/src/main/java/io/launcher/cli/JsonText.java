package io.launcher.cli;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Writes the plain value trees the CLI prints (maps, lists, strings, numbers, booleans) as JSON
 * the way Go's encoding/json does, compact or indented like {@code docker inspect}. Hand-written
 * so that {@code ps --format '{{json .}}'} does not load a JSON library on the hot path.
 */
final class JsonText {
    private JsonText() {
    }

    static String compact(Object value) {
        StringBuilder text = new StringBuilder();
        write(text, value, null, "");
        return text.toString();
    }

    /** Indented by {@code indent} per level, as Go's MarshalIndent. */
    static String indented(Object value, String indent) {
        StringBuilder text = new StringBuilder();
        write(text, value, indent, "");
        return text.toString();
    }

    private static void write(StringBuilder text, Object value, String indent, String prefix) {
        if (value == null) {
            text.append("null");
        } else if (value instanceof String string) {
            quote(text, string);
        } else if (value instanceof Number || value instanceof Boolean) {
            text.append(value);
        } else if (value instanceof Map<?, ?> map) {
            writeMap(text, map, indent, prefix);
        } else if (value instanceof List<?> list) {
            writeList(text, list, indent, prefix);
        } else {
            quote(text, value.toString());
        }
    }

    private static void writeMap(StringBuilder text, Map<?, ?> map, String indent, String prefix) {
        if (map.isEmpty()) {
            text.append("{}");
            return;
        }
        String inner = indent == null ? "" : prefix + indent;
        text.append('{');
        Iterator<? extends Map.Entry<?, ?>> entries = map.entrySet().iterator();
        while (entries.hasNext()) {
            Map.Entry<?, ?> entry = entries.next();
            newline(text, indent, inner);
            quote(text, entry.getKey().toString());
            text.append(indent == null ? ":" : ": ");
            write(text, entry.getValue(), indent, inner);
            if (entries.hasNext()) {
                text.append(',');
            }
        }
        newline(text, indent, prefix);
        text.append('}');
    }

    private static void writeList(StringBuilder text, List<?> list, String indent, String prefix) {
        if (list.isEmpty()) {
            text.append("[]");
            return;
        }
        String inner = indent == null ? "" : prefix + indent;
        text.append('[');
        for (int i = 0; i < list.size(); i++) {
            newline(text, indent, inner);
            write(text, list.get(i), indent, inner);
            if (i < list.size() - 1) {
                text.append(',');
            }
        }
        newline(text, indent, prefix);
        text.append(']');
    }

    private static void newline(StringBuilder text, String indent, String prefix) {
        if (indent != null) {
            text.append('\n').append(prefix);
        }
    }

    /** Go escapes {@code < > &} too (HTML-safe JSON), and control characters as \\u00XX. */
    static void quote(StringBuilder text, String string) {
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
                    if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029') {
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
