package io.launcher.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.launcher.api.InvalidSpecException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecurityOptsTest {
    @TempDir
    Path temp;

    @Test
    void aProfileFileIsSentAsItsCompactedJson() throws Exception {
        Path file = temp.resolve("p.json");
        Files.writeString(file, "{\n  \"defaultAction\": \"SCMP_ACT_ALLOW\",\n  \"syscalls\": [ ]\n}\n");
        assertEquals(List.of("seccomp={\"defaultAction\":\"SCMP_ACT_ALLOW\",\"syscalls\":[]}", "no-new-privileges"),
                SecurityOpts.resolve(List.of("seccomp=" + file, "no-new-privileges")));
    }

    @Test
    void keywordsAndOtherOptionsGoAsGiven() {
        List<String> options = List.of("seccomp=unconfined", "seccomp=builtin", "seccomp:default", "apparmor=x", "label=disable");
        assertEquals(options, SecurityOpts.resolve(options));
    }

    @Test
    void aMissingOrBrokenFileIsOneLineInTheDockerCliWords() throws Exception {
        Path absent = temp.resolve("absent.json");
        assertEquals("opening seccomp profile (" + absent + ") failed: open " + absent + ": no such file or directory",
                assertThrows(InvalidSpecException.class, () -> SecurityOpts.resolve(List.of("seccomp=" + absent))).getMessage());
        Path broken = temp.resolve("broken.json");
        Files.writeString(broken, "{oops");
        String message = assertThrows(InvalidSpecException.class, () -> SecurityOpts.resolve(List.of("seccomp=" + broken))).getMessage();
        assertTrue(message.startsWith("compacting json for seccomp profile (" + broken + ") failed: "), message);
        assertEquals(1, message.lines().count(), message);
    }
}
