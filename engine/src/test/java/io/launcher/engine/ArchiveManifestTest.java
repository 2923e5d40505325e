package io.launcher.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.launcher.api.InvalidSpecException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ArchiveManifestTest {
    private static ArchiveManifest parse(String json) {
        return ArchiveManifest.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsBothLayoutsAndNullTags() {
        ArchiveManifest manifest = parse("""
                [{"Config":"blobs/sha256/aa","RepoTags":["busybox:latest","x/y:1"],"Layers":["blobs/sha256/bb"]},
                 {"Config":"./cc.json","RepoTags":null,"Layers":["dd/layer.tar","./ee//layer.tar"],"LayerSources":{}}]""");
        assertEquals(new ArchiveManifest.Image("blobs/sha256/aa", List.of("busybox:latest", "x/y:1"), List.of("blobs/sha256/bb")),
                manifest.images().get(0));
        assertEquals(new ArchiveManifest.Image("cc.json", List.of(), List.of("dd/layer.tar", "ee/layer.tar")),
                manifest.images().get(1));
    }

    @Test
    void writtenManifestReadsBack() {
        ArchiveManifest manifest = new ArchiveManifest(List.of(
                new ArchiveManifest.Image("blobs/sha256/aa", List.of("a:b"), List.of("blobs/sha256/bb", "blobs/sha256/cc"))));
        assertEquals(manifest, ArchiveManifest.parse(manifest.toBytes()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/etc/passwd", "../outside", "blobs/../../x", "a/..", "", ".", "a\nb", "./"})
    void refusesPathsOutsideTheArchive(String path) {
        String json = "[{\"Config\":\"ok.json\",\"Layers\":[" + quote(path) + "]}]";
        InvalidSpecException e = assertThrows(InvalidSpecException.class, () -> parse(json));
        assertTrue(e.getMessage().startsWith("refusing archive path"), e.getMessage());
        assertThrows(InvalidSpecException.class, () -> parse("[{\"Config\":" + quote(path) + ",\"Layers\":[]}]"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "{}", "[]", "[1]", "[{\"Layers\":[]}]", "[{\"Config\":3}]", "[{\"Config\":\"a\",\"Layers\":\"b\"}]",
            "[{\"Config\":\"a\",\"Layers\":[1]}]", "[{\"Config\":\"a\",\"RepoTags\":[null]}]", "not json"})
    void refusesMalformedManifests(String json) {
        InvalidSpecException e = assertThrows(InvalidSpecException.class, () -> parse(json));
        assertTrue(e.getMessage().startsWith("invalid manifest.json"), e.getMessage());
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\n", "\\n").replace("\"", "\\\"") + "\"";
    }
}
