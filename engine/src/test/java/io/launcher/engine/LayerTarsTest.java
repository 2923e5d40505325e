package io.launcher.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.launcher.api.Digest;
import io.launcher.api.ImageId;
import io.launcher.api.ImageReference;
import io.launcher.api.ImportRequest;
import io.launcher.api.ProgressListener;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A layer imported from a tar written by GNU tar is saved as the very same tar: same diff id, same image id. */
class LayerTarsTest {
    @TempDir
    Path dir;
    private final List<LocalEngine> engines = new ArrayList<>();

    @AfterEach
    void stop() {
        engines.forEach(LocalEngine::close);
    }

    @ParameterizedTest
    @ValueSource(strings = {"gnu", "posix", "ustar"})
    void anImportedTarIsSavedByteForByteAndLoadsToTheSameImageId(String format) throws Exception {
        Path tar = gnuTar(format);
        Digest tarDigest = Sha256.of(Files.readAllBytes(tar));
        LocalEngine first = engine("first");
        ImageId id = importTar(first, tar);
        assertEquals(List.of(tarDigest), first.image("app:v1").diffIds());

        Map<String, byte[]> saved = save(first);
        byte[] layer = saved.get("blobs/sha256/" + tarDigest.hex());
        assertTrue(layer != null, "the saved layer is named by the import's diff id: " + saved.keySet());
        assertEquals(tarDigest, Sha256.of(layer));

        LocalEngine second = engine("second");
        second.loadImages(new ByteArrayInputStream(archive(first)), ProgressListener.NONE);
        assertEquals(id, second.image("app:v1").id(), "the image id survives save and load");
        Map<String, byte[]> again = save(second);
        assertEquals(tarDigest, Sha256.of(again.get("blobs/sha256/" + tarDigest.hex())), "a loaded layer keeps its tar too");
    }

    @Test
    void aFileChangedOnDiskIsReserialisedWithoutFailing() throws Exception {
        Path tar = gnuTar("gnu");
        Digest tarDigest = Sha256.of(Files.readAllBytes(tar));
        LocalEngine engine = engine("changed");
        importTar(engine, tar);
        Path greeting;
        try (Stream<Path> files = Files.walk(dir.resolve("changed"))) {
            greeting = files.filter(p -> p.endsWith("etc/greeting")).findFirst().orElseThrow();
        }
        Files.writeString(greeting, "HELLO\n");

        Map<String, byte[]> saved = save(engine);
        assertTrue(saved.keySet().stream().noneMatch(n -> n.endsWith(tarDigest.hex())), "the original bytes are not claimed");
        List<String> layers = saved.keySet().stream().filter(n -> n.startsWith("blobs/sha256/") && !n.endsWith("/"))
                .filter(n -> new String(saved.get(n), 0, Math.min(5, saved.get(n).length), StandardCharsets.ISO_8859_1)
                        .chars().noneMatch(c -> c == '{')).toList();
        assertEquals(1, layers.size(), layers.toString());
        Digest rebuilt = Sha256.of(saved.get(layers.get(0)));
        assertEquals(layers.get(0), "blobs/sha256/" + rebuilt.hex());
        assertNotEquals(tarDigest, rebuilt);
    }

    @Test
    void aRecordWhoseLayerWasNeverStoredIsRemovedAtStart() throws IOException {
        Path layers = Files.createDirectories(dir.resolve("layers"));
        Path orphan = Files.writeString(layers.resolve("ab".repeat(32) + ".split.gz"), "x");
        Path kept = Files.writeString(layers.resolve("cd".repeat(32) + ".split.gz"), "x");
        Files.writeString(layers.resolve("cd".repeat(32) + ".json"), "{}");
        new LayerStore(layers);
        assertTrue(Files.notExists(orphan));
        assertTrue(Files.exists(kept));
    }

    private LocalEngine engine(String name) throws IOException {
        Path root = Files.createDirectories(dir.resolve(name));
        LocalEngine engine = LocalEngine.open(new EngineSettings(root, root.resolve("plugins"), Optional.empty(), Optional.empty()),
                new Providers(List.of(new FakeIsolation()), List.of(new DirectoryStorage()), List.of()));
        engines.add(engine);
        return engine;
    }

    private static ImageId importTar(LocalEngine engine, Path tar) throws IOException {
        try (InputStream in = Files.newInputStream(tar)) {
            return engine.importImage(in, new ImportRequest(Optional.of(ImageReference.parse("app:v1")), List.of(), ""),
                    ProgressListener.NONE);
        }
    }

    /** A rootfs with the odd parts (long names, links, a file not a multiple of 512), tarred by GNU tar. */
    private Path gnuTar(String format) throws Exception {
        Path root = Files.createDirectories(dir.resolve("rootfs"));
        Files.createDirectories(root.resolve("etc"));
        Files.writeString(root.resolve("etc/greeting"), "hello\n");
        Files.write(root.resolve("etc/data"), new byte[1500]);
        Path deep = Files.createDirectories(root.resolve("usr/" + "long-directory-name-".repeat(4)));
        Files.writeString(deep.resolve("a-file-whose-name-is-long-too-" + "x".repeat(40)), "deep\n");
        Files.createLink(root.resolve("etc/linked"), root.resolve("etc/greeting"));
        Files.createSymbolicLink(root.resolve("etc/motd"), Path.of("greeting"));
        Path tar = dir.resolve("layer-" + format + ".tar");
        Process process = new ProcessBuilder("tar", "--format=" + format, "-C", root.toString(), "-cf", tar.toString(), ".")
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), output);
        return tar;
    }

    private static byte[] archive(LocalEngine engine) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        engine.saveImages(List.of("app:v1"), out);
        return out.toByteArray();
    }

    private static Map<String, byte[]> save(LocalEngine engine) throws IOException {
        Map<String, byte[]> members = new HashMap<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new ByteArrayInputStream(archive(engine)))) {
            for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
                members.put(e.getName(), tar.readAllBytes());
            }
        }
        return members;
    }
}
