package io.launcher.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.launcher.api.InvalidSpecException;
import io.launcher.spi.isolation.SeccompProfile;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecurityOptionsTest {

    @Test
    void theDefaultProfileUnlessUnconfined() {
        assertEquals(SeccompProfile.DEFAULT, SecurityOptions.seccomp(List.of()));
        assertEquals(SeccompProfile.UNCONFINED, SecurityOptions.seccomp(List.of("seccomp=unconfined")));
        assertEquals(SeccompProfile.UNCONFINED, SecurityOptions.seccomp(List.of("seccomp:unconfined")), "Docker's old form");
        assertEquals(SeccompProfile.DEFAULT, SecurityOptions.seccomp(List.of("seccomp=unconfined", "seccomp=default")));
    }

    @Test
    void optionsWithNothingToActOnAreAccepted() {
        assertEquals(SeccompProfile.DEFAULT,
                SecurityOptions.seccomp(List.of("no-new-privileges", "no-new-privileges=true", "apparmor=unconfined", "label=disable")));
    }

    @Test
    void unknownOrUnsupportedOptionsAreRefusedInDockersWords() {
        assertEquals("invalid --security-opt 1: \"bogus\"",
                assertThrows(InvalidSpecException.class, () -> SecurityOptions.seccomp(List.of("bogus"))).getMessage());
        assertThrows(InvalidSpecException.class, () -> SecurityOptions.seccomp(List.of("seccomp={\"defaultAction\":\"SCMP_ACT_ALLOW\"}")));
        assertThrows(InvalidSpecException.class, () -> SecurityOptions.seccomp(List.of("no-new-privileges=false")));
    }
}
