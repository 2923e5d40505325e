package io.launcher.daemon;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * JSON text to and from Jackson trees through jackson-core's streaming parser and generator alone,
 * as an {@code ObjectMapper} with default settings reads and writes them (the same node kinds,
 * an empty input read as a missing node, compact output). The client reads and writes every API
 * body here: a short-lived CLI cannot afford to build an ObjectMapper (its serializer and
 * deserializer caches, type factory and locale-aware date format cost ~50 ms of a ~100 ms call),
 * and trees need none of it.
 */
public final class JsonTrees {
    private static final JsonFactory FACTORY = new JsonFactory();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonTrees() {
    }

    /** The first JSON value of the stream (which is closed), or a missing node when it is empty. */
    public static JsonNode read(InputStream in) throws IOException {
        try (JsonParser parser = FACTORY.createParser(in)) {
            return readRoot(parser);
        }
    }

    public static JsonNode read(String text) throws IOException {
        try (JsonParser parser = FACTORY.createParser(text)) {
            return readRoot(parser);
        }
    }

    public static JsonNode read(byte[] bytes) throws IOException {
        try (JsonParser parser = FACTORY.createParser(bytes)) {
            return readRoot(parser);
        }
    }

    /** The node as compact UTF-8 JSON. */
    public static byte[] bytes(JsonNode node) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator generator = FACTORY.createGenerator(out)) {
            write(generator, node);
        } catch (IOException e) {
            throw new UncheckedIOException("unable to write JSON: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    /** The node as compact JSON text (what {@code JsonNode.toString()} gives, without its mapper). */
    public static String text(JsonNode node) {
        return new String(bytes(node), StandardCharsets.UTF_8);
    }

    private static void write(JsonGenerator out, JsonNode node) throws IOException {
        switch (node.getNodeType()) {
            case OBJECT:
                out.writeStartObject();
                for (Map.Entry<String, JsonNode> field : node.properties()) {
                    out.writeFieldName(field.getKey());
                    write(out, field.getValue());
                }
                out.writeEndObject();
                break;
            case ARRAY:
                out.writeStartArray();
                for (JsonNode item : node) {
                    write(out, item);
                }
                out.writeEndArray();
                break;
            case STRING:
                out.writeString(node.textValue());
                break;
            case NUMBER:
                writeNumber(out, node);
                break;
            case BOOLEAN:
                out.writeBoolean(node.booleanValue());
                break;
            case BINARY:
                out.writeBinary(node.binaryValue());
                break;
            default:
                // null, and the kinds a tree of Docker JSON never holds (missing, POJO)
                out.writeNull();
        }
    }

    private static void writeNumber(JsonGenerator out, JsonNode node) throws IOException {
        switch (node.numberType()) {
            case INT:
                out.writeNumber(node.intValue());
                break;
            case LONG:
                out.writeNumber(node.longValue());
                break;
            case BIG_INTEGER:
                out.writeNumber(node.bigIntegerValue());
                break;
            case FLOAT:
                out.writeNumber(node.floatValue());
                break;
            case BIG_DECIMAL:
                out.writeNumber(node.decimalValue());
                break;
            default:
                out.writeNumber(node.doubleValue());
        }
    }

    private static JsonNode readRoot(JsonParser parser) throws IOException {
        JsonToken first = parser.nextToken();
        return first == null ? MissingNode.getInstance() : value(parser, first);
    }

    private static JsonNode value(JsonParser parser, JsonToken token) throws IOException {
        switch (token) {
            case START_OBJECT:
                return object(parser);
            case START_ARRAY:
                return array(parser);
            case VALUE_STRING:
                return NODES.textNode(parser.getText());
            case VALUE_NUMBER_INT:
                return integer(parser);
            case VALUE_NUMBER_FLOAT:
                return parser.getNumberType() == JsonParser.NumberType.BIG_DECIMAL
                        ? NODES.numberNode(parser.getDecimalValue()) : NODES.numberNode(parser.getDoubleValue());
            case VALUE_TRUE:
                return NODES.booleanNode(true);
            case VALUE_FALSE:
                return NODES.booleanNode(false);
            case VALUE_NULL:
                return NODES.nullNode();
            default:
                throw new IOException("unexpected JSON token " + token + " at " + parser.currentLocation());
        }
    }

    private static JsonNode integer(JsonParser parser) throws IOException {
        switch (parser.getNumberType()) {
            case INT:
                return NODES.numberNode(parser.getIntValue());
            case LONG:
                return NODES.numberNode(parser.getLongValue());
            default:
                return NODES.numberNode(parser.getBigIntegerValue());
        }
    }

    private static ObjectNode object(JsonParser parser) throws IOException {
        ObjectNode node = NODES.objectNode();
        for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
            node.replace(name, value(parser, parser.nextToken()));
        }
        if (!parser.hasToken(JsonToken.END_OBJECT)) {
            throw new IOException("unexpected JSON token " + parser.currentToken() + " at " + parser.currentLocation());
        }
        return node;
    }

    private static ArrayNode array(JsonParser parser) throws IOException {
        ArrayNode node = NODES.arrayNode();
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            if (token == null) {
                throw new IOException("unexpected end of JSON input at " + parser.currentLocation());
            }
            node.add(value(parser, token));
        }
        return node;
    }
}
