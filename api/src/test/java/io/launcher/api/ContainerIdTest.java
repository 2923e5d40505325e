package io.launcher.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ContainerIdTest {
    private static final String ID = "0123456789abcdef".repeat(4);

    @Test
    void acceptsSixtyFourLowerHexDigits() {
        ContainerId id = new ContainerId(ID);
        assertEquals(ID, id.value());
        assertEquals("0123456789ab", id.shortId());
    }

    @Test
    void rejectsAnythingElse() {
        for (String bad : new String[] {ID.substring(1), ID + "0", ID.toUpperCase(), ID.substring(1) + "g",
                "/" + ID.substring(1), ID.substring(1) + ":", ID.substring(1) + "`", ""}) {
            InvalidSpecException problem = assertThrows(InvalidSpecException.class, () -> new ContainerId(bad));
            assertEquals("invalid container id " + bad, problem.getMessage());
        }
        assertThrows(InvalidSpecException.class, () -> new ContainerId(null));
    }

    @Test
    void randomIdsAreValidAndDistinct() {
        ContainerId first = ContainerId.random();
        assertEquals(64, first.value().length());
        assertNotEquals(first, ContainerId.random());
    }
}
