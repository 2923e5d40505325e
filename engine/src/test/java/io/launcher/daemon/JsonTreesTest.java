package io.launcher.daemon;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The client's streaming tree codec reads and writes what the engine's ObjectMapper does. */
class JsonTreesTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"Id\":\"abc\",\"Warnings\":[],\"n\":null,\"ok\":true,\"no\":false}",
        "{\"StatusCode\":137,\"Big\":9007199254740993,\"Huge\":123456789012345678901234567890}",
        "{\"f\":1.5,\"e\":-2.5E-7,\"nested\":{\"a\":[1,[2,{\"b\":\"\\u00e9\\n\\\"q\\\"\"}]]}}",
        "[\"a\",1,{}]", "\"text\"", "42", "null", "{\"dup\":1,\"dup\":2}"})
    void readsAndWritesAsTheMapperDoes(String json) throws IOException {
        JsonNode expected = DockerMapper.MAPPER.readTree(json);
        JsonNode fromText = JsonTrees.read(json);
        JsonNode fromStream = JsonTrees.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
        assertEquals(expected, fromText);
        assertEquals(expected, fromStream);
        assertEquals(expected.getNodeType(), fromText.getNodeType());
        assertArrayEquals(DockerMapper.MAPPER.writeValueAsBytes(expected), JsonTrees.bytes(fromText));
        assertEquals(expected.toString(), JsonTrees.text(fromText));
    }

    @Test
    void keepsTheMappersNumberKinds() throws IOException {
        JsonNode node = JsonTrees.read("{\"i\":1,\"l\":5000000000,\"d\":0.25}");
        assertTrue(node.get("i").isInt());
        assertTrue(node.get("l").isLong());
        assertTrue(node.get("d").isDouble());
    }

    @Test
    void anEmptyBodyIsAMissingNode() throws IOException {
        assertTrue(JsonTrees.read(new ByteArrayInputStream(new byte[0])).isMissingNode());
        assertTrue(JsonTrees.read("  ").isMissingNode());
    }

    @Test
    void truncatedOrBadJsonFails() {
        assertThrows(IOException.class, () -> JsonTrees.read("{\"a\":[1,2"));
        assertThrows(IOException.class, () -> JsonTrees.read("{\"a\":}"));
        assertThrows(IOException.class, () -> JsonTrees.read("not json"));
    }
}
