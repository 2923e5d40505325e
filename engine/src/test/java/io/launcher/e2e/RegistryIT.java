package io.launcher.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.launcher.e2e.Distribution.Result;
import io.launcher.registry.LoopbackRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 8 through the real distribution: push the busybox image to a docker-registry on
 * 127.0.0.1, then an engine on another, empty root runs it, pulling it first as Docker does.
 */
@Tag("privileged")
class RegistryIT {
    @TempDir
    Path dir;

    @Test
    void pushThenRunOnAnEmptyEnginePullsFirst() throws Exception {
        try (LoopbackRegistry registry = LoopbackRegistry.start(Files.createDirectories(dir.resolve("registry")), null);
             Distribution first = Distribution.start()) {
            String name = registry.host() + "/e2e/base:1";
            Path tarball = dir.resolve("base.tar");
            Process make = new ProcessBuilder(first.home().resolve("bin/make-base-image").toString(), tarball.toString())
                    .redirectErrorStream(true).start();
            String made = new String(make.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, make.waitFor(), made);
            Result imported = first.launcher("import", "-c", "CMD [\"/bin/sh\"]", tarball.toString(), name);
            assertEquals(0, imported.exitCode(), imported.err());
            Result pushed = first.launcher("push", name);
            assertEquals(0, pushed.exitCode(), pushed.err());
            assertTrue(pushed.out().lines().anyMatch(l -> l.matches("1: digest: sha256:[0-9a-f]{64} size: \\d+")), pushed.out());

            try (Distribution second = Distribution.start()) {
                Result run = second.launcher("run", "--rm", "--network", "none", name, "/bin/echo", "hello");
                assertEquals(0, run.exitCode(), run.err());
                assertEquals("hello\n", run.out());
                assertTrue(run.err().startsWith("Unable to find image '" + name + "' locally\n"), run.err());
                assertTrue(run.err().contains("Status: Downloaded newer image for " + name), run.err());

                Result unknown = second.launcher("pull", registry.host() + "/e2e/base:nope");
                assertEquals(1, unknown.exitCode());
                assertEquals("Error response from daemon: manifest for " + registry.host()
                        + "/e2e/base:nope not found: manifest unknown: manifest unknown\n", unknown.err());
            }
        }
    }
}
