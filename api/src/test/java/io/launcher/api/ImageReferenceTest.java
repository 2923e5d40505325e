package io.launcher.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ImageReferenceTest {

    @Test
    void aBareNameIsTaggedLatest() {
        assertEquals("base:latest", ImageReference.parse("base").toString());
    }

    @Test
    void dockerHubNamesTakeTheirFamiliarForm() {
        assertEquals(ImageReference.parse("made:v1"), ImageReference.parse("docker.io/library/made:v1"));
        assertEquals("user/app:latest", ImageReference.parse("docker.io/user/app").toString());
    }

    @Test
    void aRegistryWithAPortKeepsItsName() {
        ImageReference reference = ImageReference.parse("localhost:5000/a/b:t");
        assertEquals("localhost:5000/a/b", reference.repository());
        assertEquals("t", reference.tag());
    }

    @Test
    void upperCaseRepositoriesAreRefused() {
        assertThrows(InvalidSpecException.class, () -> ImageReference.parse("Base"));
    }
}
