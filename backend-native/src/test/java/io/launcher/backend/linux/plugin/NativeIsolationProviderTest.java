package io.launcher.backend.linux.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.launcher.spi.Availability;
import io.launcher.spi.BackendContext;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NativeIsolationProviderTest {

    @Test
    void isTheDefaultIsolationBackendByName() {
        NativeIsolationProvider provider = new NativeIsolationProvider();
        assertEquals("native", provider.name());
        assertEquals(100, provider.priority());
    }

    @Test
    void isListedAsAPf4jExtension() throws Exception {
        // the test classes hold an index of their own: look at every one
        boolean listed = false;
        var indexes = NativeIsolationProvider.class.getClassLoader().getResources("META-INF/extensions.idx");
        while (indexes.hasMoreElements()) {
            try (var index = indexes.nextElement().openStream()) {
                listed |= new String(index.readAllBytes()).contains(NativeIsolationProvider.class.getName());
            }
        }
        assertTrue(listed, "META-INF/extensions.idx names the provider");
    }

    @Test
    @Tag("privileged")
    void asRootItIsAvailableAndInstallsItsShimOnOpen(@TempDir Path state) {
        assumeTrue(io.launcher.backend.linux.HostProbe.privileged(), "needs root or CAP_SYS_ADMIN");
        Availability availability = new NativeIsolationProvider().probe();
        assertEquals(Availability.yes(), availability, availability.reason());
        new NativeIsolationProvider().open(new BackendContext(state));
        assertTrue(Files.isExecutable(state.resolve("bin/launcher-shim")));
        assertTrue(Files.isDirectory(state.resolve("containers")));
    }
}
