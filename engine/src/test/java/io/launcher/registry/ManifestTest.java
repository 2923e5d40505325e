package io.launcher.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.launcher.api.Digest;
import io.launcher.api.InvalidSpecException;
import io.launcher.api.NotFoundException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ManifestTest {
    private static final String A = "sha256:" + "a".repeat(64);
    private static final String B = "sha256:" + "b".repeat(64);
    private static final String C = "sha256:" + "c".repeat(64);

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void dockerSchema2() {
        Manifest m = Manifest.parse(bytes("{\"schemaVersion\":2,\"mediaType\":\"" + MediaTypes.DOCKER_MANIFEST + "\","
                + "\"config\":{\"mediaType\":\"" + MediaTypes.DOCKER_CONFIG + "\",\"size\":7,\"digest\":\"" + A + "\"},"
                + "\"layers\":[{\"mediaType\":\"" + MediaTypes.DOCKER_LAYER_GZIP + "\",\"size\":9,\"digest\":\"" + B + "\"}]}"), "");
        Manifest.Image image = assertInstanceOf(Manifest.Image.class, m);
        assertEquals(new Descriptor(MediaTypes.DOCKER_CONFIG, Digest.parse(A), 7), image.config());
        assertEquals(1, image.layers().size());
        assertEquals(9, image.layers().get(0).size());
    }

    @Test
    void ociManifestWithoutMediaTypeTakesTheContentType() {
        Manifest m = Manifest.parse(bytes("{\"schemaVersion\":2,\"config\":{\"size\":1,\"digest\":\"" + A + "\"},\"layers\":[]}"),
                MediaTypes.OCI_MANIFEST + "; charset=utf-8");
        assertEquals(MediaTypes.OCI_MANIFEST, assertInstanceOf(Manifest.Image.class, m).mediaType());
    }

    @Test
    void indexChoosesTheFirstMatchingPlatform() {
        Manifest.Index index = assertInstanceOf(Manifest.Index.class, Manifest.parse(bytes("{\"schemaVersion\":2,\"manifests\":["
                + "{\"digest\":\"" + A + "\",\"size\":1,\"platform\":{\"os\":\"linux\",\"architecture\":\"arm\",\"variant\":\"v7\"}},"
                + "{\"digest\":\"" + B + "\",\"size\":1,\"platform\":{\"os\":\"linux\",\"architecture\":\"amd64\"}},"
                + "{\"digest\":\"" + C + "\",\"size\":1,\"platform\":{\"os\":\"linux\",\"architecture\":\"arm64\",\"variant\":\"v8\"}}]}"),
                MediaTypes.DOCKER_LIST));
        assertEquals(Digest.parse(B), index.select(Platform.DEFAULT).digest());
        assertEquals(Digest.parse(C), index.select(Platform.parse("linux/arm64")).digest());
        assertEquals(Digest.parse(A), index.select(Platform.parse("linux/arm/v7")).digest());
        assertEquals(Digest.parse(B), index.select(Platform.parse("linux/x86_64")).digest());
        NotFoundException none = assertThrows(NotFoundException.class, () -> index.select(Platform.parse("windows/amd64")));
        assertEquals("no matching manifest for windows/amd64 in the manifest list entries", none.getMessage());
    }

    @Test
    void refusesSchema1AndGarbage() {
        assertThrows(InvalidSpecException.class, () -> Manifest.parse(bytes("{\"schemaVersion\":1,\"fsLayers\":[]}"), ""));
        assertThrows(InvalidSpecException.class, () -> Manifest.parse(bytes("not json"), ""));
        assertThrows(InvalidSpecException.class, () -> Manifest.parse(bytes("{\"schemaVersion\":2}"), "text/plain"));
        assertThrows(InvalidSpecException.class, () -> Platform.parse("linux"));
    }
}
