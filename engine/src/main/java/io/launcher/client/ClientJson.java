package io.launcher.client;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.Map;

/**
 * jackson-core's streaming generator and parser for the client's shortest calls ({@code create},
 * {@code wait}): their bodies are written and read token by token, without the trees (and the
 * databind node classes) the other calls go through {@code JsonTrees} for.
 */
final class ClientJson {
    private static final JsonFactory FACTORY = new JsonFactory();

    private ClientJson() {
    }

    /** Writes and reads one small object, so that the first request finds the classes loaded and set up. */
    static void warmUp() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            try (JsonGenerator out = generator(bytes)) {
                out.writeStartObject();
                out.writeStringField("Id", "");
                out.writeNumberField("StatusCode", 0);
                out.writeEndObject();
            }
            scalars(new ByteArrayInputStream(bytes.toByteArray()));
        } catch (IOException e) {
            // nothing was readied: the first real request does it, and reports what fails
        }
    }

    static JsonGenerator generator(OutputStream out) throws IOException {
        return FACTORY.createGenerator(out);
    }

    /**
     * The scalar fields (strings, numbers, booleans) of the first JSON object of the stream, which
     * is closed, by name; those of nested objects are named by their path ({@code Error.Message}).
     * Nulls, arrays and anything that is not an object are left out, as absent fields.
     */
    static Map<String, String> scalars(InputStream in) throws IOException {
        Map<String, String> fields = new HashMap<>();
        try (JsonParser parser = FACTORY.createParser(in)) {
            if (parser.nextToken() == JsonToken.START_OBJECT) {
                readObject(parser, "", fields);
            }
        }
        return fields;
    }

    /** A scalar field as a whole number, 0 when absent or not one (as a tree's {@code asLong}). */
    static long number(String value) {
        if (value == null) {
            return 0;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException notWhole) {
            try {
                return (long) Double.parseDouble(value);
            } catch (NumberFormatException notNumber) {
                return 0;
            }
        }
    }

    private static void readObject(JsonParser parser, String prefix, Map<String, String> fields) throws IOException {
        for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
            JsonToken token = parser.nextToken();
            if (token == JsonToken.START_OBJECT) {
                readObject(parser, prefix + name + ".", fields);
            } else if (token == JsonToken.START_ARRAY) {
                parser.skipChildren();
            } else if (token != null && token.isScalarValue() && token != JsonToken.VALUE_NULL) {
                fields.put(prefix + name, parser.getText());
            }
        }
        if (!parser.hasToken(JsonToken.END_OBJECT)) {
            throw new IOException("unexpected JSON token " + parser.currentToken() + " at " + parser.currentLocation());
        }
    }
}
