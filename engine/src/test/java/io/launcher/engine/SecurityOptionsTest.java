package io.launcher.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.launcher.api.InvalidSpecException;
import io.launcher.spi.isolation.SeccompProfile;
import java.util.List;
import java.util.Set;
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
    void aCustomProfileIsResolvedAgainstTheCapabilities() {
        List<String> options = List.of("seccomp=unconfined", "seccomp={\"defaultAction\":\"SCMP_ACT_ALLOW\",\"syscalls\":"
                + "[{\"names\":[\"chmod\"],\"action\":\"SCMP_ACT_ERRNO\",\"excludes\":{\"caps\":[\"CAP_FOWNER\"]}}]}");
        assertEquals(SeccompProfile.CUSTOM, SecurityOptions.seccomp(options));
        assertEquals(1, SecurityOptions.seccompFilter(options, Set.of("CAP_CHOWN")).rules().size());
        assertEquals(0, SecurityOptions.seccompFilter(options, Set.of("CAP_FOWNER")).rules().size());
        assertNull(SecurityOptions.seccompFilter(List.of("seccomp=unconfined"), Set.of()));
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
        assertEquals("invalid seccomp profile: unknown action \"SCMP_ACT_BOGUS\"", assertThrows(InvalidSpecException.class,
                () -> SecurityOptions.seccomp(List.of("seccomp={\"defaultAction\":\"SCMP_ACT_BOGUS\"}"))).getMessage());
        assertThrows(InvalidSpecException.class, () -> SecurityOptions.seccomp(List.of("no-new-privileges=false")));
    }
}
