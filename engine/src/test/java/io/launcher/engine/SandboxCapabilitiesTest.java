package io.launcher.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.launcher.api.InvalidSpecException;
import io.launcher.spi.isolation.Capabilities;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SandboxCapabilitiesTest {

    @Test
    void theDefaultIsDockers() {
        assertEquals(Capabilities.DOCKER_DEFAULT, SandboxSpecs.capabilities(List.of(), List.of()));
    }

    @Test
    void addAndDropTakeNamesWithOrWithoutThePrefix() {
        Set<String> caps = SandboxSpecs.capabilities(List.of("net_admin"), List.of("CAP_MKNOD", "chown"));
        assertTrue(caps.contains("CAP_NET_ADMIN"));
        assertFalse(caps.contains("CAP_MKNOD"));
        assertFalse(caps.contains("CAP_CHOWN"));
        assertEquals(Capabilities.DOCKER_DEFAULT.size() - 1, caps.size());
    }

    @Test
    void allOnEitherSide() {
        assertEquals(Set.copyOf(Capabilities.ALL), SandboxSpecs.capabilities(List.of("ALL"), List.of()));
        assertEquals(Set.of("CAP_KILL"), SandboxSpecs.capabilities(List.of("KILL"), List.of("all")));
        assertFalse(SandboxSpecs.capabilities(List.of("ALL"), List.of("SYS_ADMIN")).contains("CAP_SYS_ADMIN"));
    }

    @Test
    void anUnknownNameIsInvalid() {
        InvalidSpecException e = assertThrows(InvalidSpecException.class,
                () -> SandboxSpecs.capabilities(List.of("FLY"), List.of()));
        assertEquals("invalid capability: FLY", e.getMessage());
    }
}
