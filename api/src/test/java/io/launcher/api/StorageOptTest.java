package io.launcher.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StorageOptTest {

    @Test
    void sizesTakeDockerBinaryUnits() {
        assertEquals(10L << 20, StorageOpt.parse(Map.of("size", "10m")).sizeBytes());
        assertEquals(10L << 20, StorageOpt.parse(Map.of("size", "10MB")).sizeBytes());
        assertEquals(10L << 20, StorageOpt.parse(Map.of("size", "10MiB")).sizeBytes());
        assertEquals(3L << 29, StorageOpt.parse(Map.of("size", "1.5g")).sizeBytes());
        assertEquals(4096, StorageOpt.parse(Map.of("size", "4096")).sizeBytes());
        assertEquals(2L << 40, StorageOpt.parse(Map.of("SIZE", "2t")).sizeBytes());
    }

    @Test
    void theGivenTextIsKeptForInspect() {
        StorageOpt opt = StorageOpt.parse(Map.of("size", "10m"));
        assertTrue(opt.limited());
        assertEquals(Map.of("size", "10m"), opt.options());
        assertEquals(Map.of(), StorageOpt.NONE.options());
        assertFalse(StorageOpt.parse(Map.of()).limited());
    }

    @Test
    void unknownKeysAndBadSizesAreRefusedInDockerWords() {
        assertEquals("Unknown option foo",
                assertThrows(InvalidSpecException.class, () -> StorageOpt.parse(Map.of("foo", "1"))).getMessage());
        assertEquals("invalid size: 'ten'",
                assertThrows(InvalidSpecException.class, () -> StorageOpt.parse(Map.of("size", "ten"))).getMessage());
        assertThrows(InvalidSpecException.class, () -> StorageOpt.parse(Map.of("size", "99999999999p")));
    }

    @Test
    void aHostConfigStoredBeforeStorageOptionsBoundsNothing() {
        HostConfig old = new HostConfig(false, NetworkMode.BRIDGE, ResourceLimits.NONE, List.of(), false,
                List.of(), List.of(), List.of(), false, List.of(),
                LogConfig.DEFAULT, false, List.of(), List.of(), null);
        assertEquals(StorageOpt.NONE, old.storageOpt());
        assertEquals(StorageOpt.NONE, HostConfig.DEFAULT.storageOpt());
    }
}
