package io.launcher.backend.linux;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.launcher.api.ContainerId;
import io.launcher.api.ResourceLimits;
import io.launcher.spi.Mount;
import io.launcher.spi.isolation.NetworkAttachment;
import io.launcher.spi.isolation.ProcessSpec;
import io.launcher.spi.isolation.SandboxSpec;
import io.launcher.spi.isolation.SeccompProfile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LegacySeccompSpecTest {

    private static SandboxSpec spec(Set<String> capabilities, SeccompProfile seccomp) {
        return new SandboxSpec(ContainerId.random(), List.of(new Mount("overlay", "overlay", List.of())),
                new ProcessSpec(List.of("sh"), List.of(), "/", 0, 0, List.of(), false, false), "h",
                new NetworkAttachment.Private(), ResourceLimits.NONE, List.of(), false, Path.of("/logs/c.log"),
                capabilities, seccomp);
    }

    /** The spec a launcher wrote before the compiled allow list: the same records, "seccomp default". */
    private static byte[] oldStyle(byte[] current) {
        String text = new String(current, StandardCharsets.UTF_8);
        String old = text.replaceFirst("(?m)^seccomp program [0-9a-f]+$", "seccomp default");
        assertTrue(old.contains("\nseccomp default\n"), "the test's spec carries a compiled program");
        return old.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void theOldRecordBecomesTheProgramForTheRecordedCapabilities() {
        for (Set<String> caps : List.of(Set.of("CAP_CHOWN", "CAP_KILL"), Set.of("CAP_SYS_ADMIN", "CAP_SYS_PTRACE"), Set.<String>of())) {
            byte[] current = SpecFile.render(spec(caps, SeccompProfile.DEFAULT));
            byte[] upgraded = LegacySeccompSpec.upgraded(oldStyle(current)).orElseThrow();
            // byte for byte what this launcher writes for the same container
            assertArrayEquals(current, upgraded, "capabilities " + caps);
        }
    }

    @Test
    void specsWithoutTheOldRecordAreLeftAlone() {
        assertTrue(LegacySeccompSpec.upgraded(SpecFile.render(spec(Set.of("CAP_KILL"), SeccompProfile.DEFAULT))).isEmpty());
        assertTrue(LegacySeccompSpec.upgraded(SpecFile.render(spec(Set.of(), SeccompProfile.UNCONFINED))).isEmpty());
    }

    @Test
    void aBundleSpecIsRewrittenInPlaceOnce(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("spec");
        byte[] current = SpecFile.render(spec(Set.of("CAP_NET_RAW"), SeccompProfile.DEFAULT));
        Files.write(file, oldStyle(current));
        LegacySeccompSpec.upgrade(file);
        assertArrayEquals(current, Files.readAllBytes(file));
        long modified = Files.getLastModifiedTime(file).toMillis();
        LegacySeccompSpec.upgrade(file);
        assertEquals(modified, Files.getLastModifiedTime(file).toMillis());
        try (var listing = Files.list(dir)) {
            assertEquals(List.of(file), listing.toList(), "no temp file is left beside the spec");
        }
    }

    @Test
    void aMissingSpecIsNoFault(@TempDir Path dir) {
        LegacySeccompSpec.upgrade(dir.resolve("spec"));
    }
}
