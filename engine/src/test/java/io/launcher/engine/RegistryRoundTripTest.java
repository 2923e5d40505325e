package io.launcher.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.launcher.api.FailedPreconditionException;
import io.launcher.api.ImageId;
import io.launcher.api.ImageReference;
import io.launcher.api.ImportRequest;
import io.launcher.api.NotFoundException;
import io.launcher.api.ProgressListener;
import io.launcher.api.RegistryCredentials;
import io.launcher.client.RemoteEngine;
import io.launcher.daemon.DockerApiServer;
import io.launcher.registry.LoopbackRegistry;
import io.launcher.registry.RegistryClient;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pull and push against a real registry (Debian's docker-registry) on 127.0.0.1, engines on real directory storage. */
class RegistryRoundTripTest {
    @TempDir
    Path dir;
    private LoopbackRegistry registry;
    private final List<LocalEngine> engines = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        registry = LoopbackRegistry.start(Files.createDirectories(dir.resolve("registry")), null);
    }

    @AfterEach
    void stop() throws Exception {
        engines.forEach(LocalEngine::close);
        if (registry != null) {
            registry.close();
        }
    }

    private LocalEngine engine(String name) throws IOException {
        Path root = Files.createDirectories(dir.resolve(name));
        LocalEngine engine = LocalEngine.open(new EngineSettings(root, root.resolve("plugins"), Optional.empty(), Optional.empty()),
                new Providers(List.of(new FakeIsolation()), List.of(new DirectoryStorage()), List.of()));
        engines.add(engine);
        return engine;
    }

    private RegistryClient client() {
        return RegistryClient.connect(HttpClient.newHttpClient(), registry.host(), true, Optional.empty(), 1 << 20);
    }

    @Test
    void pushedImageComesBackInAnotherEngineWithTheRegistrysConfigDigestAsId() throws Exception {
        LocalEngine first = engine("first");
        byte[] layer = RegistryImages.tar(Map.of("etc/", new byte[0], "etc/greeting", "hello\n".getBytes(StandardCharsets.UTF_8)));
        first.importImage(new ByteArrayInputStream(layer), new ImportRequest(Optional.of(ImageReference.parse("app")),
                List.of("CMD [\"cat\", \"/etc/greeting\"]"), ""), ProgressListener.NONE);
        String name = registry.host() + "/team/app:1";
        Recorder pushed = new Recorder();
        first.importImage(new ByteArrayInputStream(layer), new ImportRequest(Optional.of(ImageReference.parse(name)),
                List.of("CMD [\"cat\", \"/etc/greeting\"]"), ""), ProgressListener.NONE);
        first.push(name, Optional.empty(), pushed);
        assertTrue(pushed.lines.get(0).equals("The push refers to repository [" + registry.host() + "/team/app]"), pushed.lines.toString());
        assertTrue(pushed.lines.stream().anyMatch(l -> l.endsWith(": Pushed")), pushed.lines.toString());
        assertTrue(pushed.lines.get(pushed.lines.size() - 1).matches("1: digest: sha256:[0-9a-f]{64} size: \\d+"), pushed.lines.toString());

        // Through the daemon and the client: Docker's progress JSON both ways.
        LocalEngine second = engine("second");
        Path socket = dir.resolve("second.sock");
        Recorder pulled = new Recorder();
        ImageId id;
        try (DockerApiServer server = new DockerApiServer(second, socket)) {
            id = RemoteEngine.connect(socket).pull(name, Optional.empty(), Optional.empty(), pulled);
        }
        RegistryClient.Fetched manifest = client().manifest("team/app", "1");
        assertEquals(((io.launcher.registry.Manifest.Image) manifest.manifest()).config().digest(), id.digest());
        assertEquals(List.of("cat", "/etc/greeting"), second.image(name).config().cmd());
        assertEquals(first.image(name).diffIds(), second.image(name).diffIds(), "the imported tar is pushed as it was");
        assertEquals("1: Pulling from team/app", pulled.lines.get(0));
        assertTrue(pulled.lines.stream().anyMatch(l -> l.endsWith(": Pulling fs layer")), pulled.lines.toString());
        assertTrue(pulled.lines.stream().anyMatch(l -> l.endsWith(": Pull complete")), pulled.lines.toString());
        assertTrue(pulled.lines.contains("Digest: " + manifest.digest()), pulled.lines.toString());
        assertEquals("Status: Downloaded newer image for " + name, pulled.lines.get(pulled.lines.size() - 1));
        assertEquals("hello\n", Files.readString(find(dir.resolve("second"), "greeting")));

        Recorder again = new Recorder();
        assertEquals(id, second.pull(name, Optional.empty(), Optional.empty(), again));
        assertTrue(again.lines.stream().anyMatch(l -> l.endsWith(": Already exists")), again.lines.toString());
        assertEquals("Status: Image is up to date for " + name, again.lines.get(again.lines.size() - 1));

        // The pulled layer is mounted into another repository instead of uploaded again.
        Recorder existing = new Recorder();
        second.push(name, Optional.empty(), existing);
        assertTrue(existing.lines.stream().anyMatch(l -> l.endsWith(": Layer already exists")), existing.lines.toString());
        String other = registry.host() + "/other/app:2";
        second.close();
        new TagStore(dir.resolve("second/images/repositories.json")).tag(ImageReference.parse(other), id);
        LocalEngine reopened = engine("second");
        Recorder mounted = new Recorder();
        reopened.push(other, Optional.empty(), mounted);
        assertTrue(mounted.lines.stream().anyMatch(l -> l.endsWith(": Mounted from team/app")), mounted.lines.toString());
    }

    @Test
    void multiLayerIndexChoosesThePlatformAndAppliesLayersInOrder() throws Exception {
        RegistryClient client = client();
        byte[] big = new byte[3 << 20];
        new Random(7).nextBytes(big);
        Map<String, byte[]> base = new LinkedHashMap<>();
        base.put("a/", new byte[0]);
        base.put("a/one", "1".getBytes(StandardCharsets.UTF_8));
        base.put("a/two", "2".getBytes(StandardCharsets.UTF_8));
        Map<String, byte[]> middle = new LinkedHashMap<>();
        middle.put("a/", new byte[0]);
        middle.put("a/.wh.one", new byte[0]);
        middle.put("b/", new byte[0]);
        middle.put("b/big", big);
        List<byte[]> tars = List.of(RegistryImages.tar(base), RegistryImages.tar(middle),
                RegistryImages.tar(Map.of("c/", new byte[0], "c/three", "3".getBytes(StandardCharsets.UTF_8))));
        byte[] amdConfig = RegistryImages.config(tars, "amd64", "amd");
        byte[] armConfig = RegistryImages.config(tars, "arm64", "arm");
        Path temp = Files.createDirectories(dir.resolve("blobs"));
        byte[] amd = RegistryImages.push(client, temp, "multi", Sha256.of(new byte[0]).hex().substring(0, 8), amdConfig, tars);
        byte[] arm = RegistryImages.push(client, temp, "multi", "arm", armConfig, tars);
        Map<String, byte[]> index = new LinkedHashMap<>();
        index.put("arm64", arm);
        index.put("amd64", amd);
        RegistryImages.index(client, "multi", "latest", index);

        LocalEngine engine = engine("multi");
        ImageId id = engine.pull(registry.host() + "/multi", Optional.empty(), Optional.empty(), ProgressListener.NONE);
        assertEquals(Sha256.of(amdConfig), id.digest());
        assertEquals(3, engine.image(id.toString()).diffIds().size());
        assertEquals(List.of("amd"), engine.image(registry.host() + "/multi").config().cmd());
        ImageId armId = engine.pull(registry.host() + "/multi:latest", Optional.of("linux/arm64"), Optional.empty(),
                ProgressListener.NONE);
        assertEquals(Sha256.of(armConfig), armId.digest());
        assertNotEquals(id, armId);
        assertTrue(Files.exists(find(dir.resolve("multi"), ".wh.one")), "the whiteout is kept in its layer");
        assertEquals(big.length, Files.size(find(dir.resolve("multi"), "big")));
    }

    @Test
    void tamperedBlobIsRejectedAndLeavesTheStoreAsItWas() throws Exception {
        byte[] tar = RegistryImages.tar(Map.of("f", "content".repeat(1000).getBytes(StandardCharsets.UTF_8)));
        byte[] second = RegistryImages.tar(Map.of("g", "other".getBytes(StandardCharsets.UTF_8)));
        RegistryImages.push(client(), Files.createDirectories(dir.resolve("blobs")), "bad", "1",
                RegistryImages.config(List.of(tar, second), "amd64", "x"), List.of(tar, second));
        Path blob = registry.blobFile(Sha256.of(RegistryImages.gzip(second)).hex());
        byte[] bytes = Files.readAllBytes(blob);
        bytes[bytes.length / 2] ^= 0x55;
        Files.write(blob, bytes);

        LocalEngine engine = engine("tampered");
        FailedPreconditionException e = assertThrows(FailedPreconditionException.class,
                () -> engine.pull(registry.host() + "/bad:1", Optional.empty(), Optional.empty(), ProgressListener.NONE));
        assertTrue(e.getMessage().startsWith("filesystem layer verification failed for digest sha256:"), e.getMessage());
        Path root = dir.resolve("tampered");
        assertEquals(List.of(), engine.images());
        assertEquals(List.of(), list(root.resolve("layers")));
        assertEquals(List.of(), list(root.resolve("tmp")));
        assertThrows(IOException.class, () -> find(root, "f"), "no layer content was written");
    }

    @Test
    void unknownTagIsNotFoundInOneLine() throws Exception {
        LocalEngine engine = engine("unknown");
        NotFoundException e = assertThrows(NotFoundException.class,
                () -> engine.pull(registry.host() + "/nothing:nope", Optional.empty(), Optional.empty(), ProgressListener.NONE));
        assertEquals("manifest for " + registry.host() + "/nothing:nope not found: manifest unknown: manifest unknown", e.getMessage());
    }

    @Test
    void basicAuthRegistryNeedsTheCredentials() throws Exception {
        registry.close();
        registry = LoopbackRegistry.start(Files.createDirectories(dir.resolve("auth")), LoopbackRegistry.htpasswd("alice", "s3cret"));
        LocalEngine engine = engine("auth");
        RegistryCredentials good = new RegistryCredentials("alice", "s3cret");
        assertThrows(FailedPreconditionException.class, () -> engine.login(registry.host(), new RegistryCredentials("alice", "wrong")));
        engine.login(registry.host(), good);
        String name = registry.host() + "/private/app:1";
        engine.importImage(new ByteArrayInputStream(RegistryImages.tar(Map.of("x", new byte[] {1}))),
                new ImportRequest(Optional.of(ImageReference.parse(name)), List.of(), ""), ProgressListener.NONE);
        FailedPreconditionException refused = assertThrows(FailedPreconditionException.class,
                () -> engine.push(name, Optional.empty(), ProgressListener.NONE));
        assertTrue(refused.getMessage().contains("unauthorized"), refused.getMessage());
        engine.push(name, Optional.of(good), ProgressListener.NONE);
        ImageId id = engine("auth2").pull(name, Optional.empty(), Optional.of(good), ProgressListener.NONE);
        assertFalse(id.toString().isEmpty());
    }

    private static Path find(Path root, String fileName) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.getFileName().toString().equals(fileName)).findFirst()
                    .orElseThrow(() -> new IOException(fileName + " not found under " + root));
        }
    }

    private static List<String> list(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** Collects the progress as Docker's plain lines: {@code id: status}, or the status alone. */
    static final class Recorder implements ProgressListener {
        final List<String> lines = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void progress(String what, long current, long total) {
        }

        @Override
        public void item(String id, String status, long current, long total) {
            if (current < 0) {
                lines.add(id.isEmpty() ? status : id + ": " + status);
            }
        }
    }
}
