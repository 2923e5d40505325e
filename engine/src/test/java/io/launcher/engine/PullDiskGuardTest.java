package io.launcher.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.launcher.api.ImageReference;
import io.launcher.api.ImportRequest;
import io.launcher.api.ProgressListener;
import io.launcher.api.SystemCallFailedException;
import io.launcher.registry.LoopbackRegistry;
import io.launcher.registry.RegistryClient;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pulls from and pushes to a loopback registry with an engine on a made-up 24 MiB filesystem
 * keeping 8 MiB: a layer too large to download and a gzip bomb too large to apply both stop,
 * leaving no blob, snapshot or image behind; a push whose compressed layer would not fit stops
 * the same way, its temporary file removed and the image kept.
 */
class PullDiskGuardTest {
    private static final long MIB = 1L << 20;

    @TempDir
    Path dir;
    private LoopbackRegistry registry;
    private LocalEngine engine;
    private Path root;
    private long base;

    @BeforeEach
    void start() throws Exception {
        registry = LoopbackRegistry.start(Files.createDirectories(dir.resolve("registry")), null);
        root = Files.createDirectories(dir.resolve("engine"));
        base = DiskGuardTest.written(root);
        FreeSpace space = new FreeSpace() {
            @Override
            public long usable() {
                return 24 * MIB - (DiskGuardTest.written(root) - base);
            }

            @Override
            public long total() {
                return 1024 * MIB;
            }
        };
        engine = LocalEngine.open(new EngineSettings(root, root.resolve("plugins"), Optional.empty(), Optional.empty()),
                new Providers(List.of(new FakeIsolation()), List.of(new DirectoryStorage()), List.of()),
                new DiskReserve(root, MinFreeSpace.ofBytes(8 * MIB), space, System::nanoTime));
    }

    @AfterEach
    void stop() throws Exception {
        if (engine != null) {
            engine.close();
        }
        if (registry != null) {
            registry.close();
        }
    }

    @Test
    void aLayerTooLargeToDownloadStops() throws Exception {
        byte[] noise = new byte[(int) (32 * MIB)];
        new Random(3).nextBytes(noise);
        assertPullStops("team/noise", RegistryImages.tar(Map.of("noise", noise)));
    }

    @Test
    void aBombTooLargeToApplyStops() throws Exception {
        assertPullStops("team/bomb", RegistryImages.tar(Map.of("zeros", new byte[(int) (48 * MIB)])));
    }

    @Test
    void aPushWhoseCompressedLayerWouldFillTheDiskStops() throws Exception {
        byte[] noise = new byte[(int) (12 * MIB)];
        new Random(5).nextBytes(noise);
        String name = registry.host() + "/team/noise:1";
        engine.importImage(new ByteArrayInputStream(RegistryImages.tar(Map.of("noise", noise))),
                new ImportRequest(Optional.of(ImageReference.parse(name)), List.of(), ""), ProgressListener.NONE);
        long before = DiskGuardTest.written(root);
        SystemCallFailedException full = assertThrows(SystemCallFailedException.class,
                () -> engine.push(name, Optional.empty(), ProgressListener.NONE));
        assertTrue(full.getMessage().contains(": no space left on device ("), full.getMessage());
        assertEquals(1, engine.images().size());
        assertTrue(DiskGuardTest.written(root) - before < 64 << 10, "the failed push left " + (DiskGuardTest.written(root) - before) + " bytes");
        try (Stream<Path> files = Files.walk(root)) {
            assertEquals(List.of(), files.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith("push-") || n.startsWith("split-")).toList());
        }
    }

    private void assertPullStops(String repository, byte[] layer) throws Exception {
        RegistryClient client = RegistryClient.connect(HttpClient.newHttpClient(), registry.host(), true, Optional.empty(), 1 << 20);
        RegistryImages.push(client, Files.createDirectories(dir.resolve("push")), repository, "1",
                RegistryImages.config(List.of(layer), "amd64", "true"), List.of(layer));
        long before = DiskGuardTest.written(root);
        SystemCallFailedException full = assertThrows(SystemCallFailedException.class,
                () -> engine.pull(registry.host() + "/" + repository + ":1", Optional.empty(), Optional.empty(),
                        ProgressListener.NONE));
        assertTrue(full.getMessage().contains(": no space left on device ("), full.getMessage());
        assertEquals(List.of(), engine.images());
        assertTrue(DiskGuardTest.written(root) - before < 64 << 10, "the failed pull left " + (DiskGuardTest.written(root) - before) + " bytes");
        try (Stream<Path> files = Files.walk(root)) {
            assertEquals(List.of(), files.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith("pull-") || n.startsWith(".tmp-split-")).toList());
        }
    }
}
