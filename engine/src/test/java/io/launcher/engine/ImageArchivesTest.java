package io.launcher.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.launcher.api.FailedPreconditionException;
import io.launcher.api.ImageId;
import io.launcher.api.ImageReference;
import io.launcher.api.ImportRequest;
import io.launcher.api.InvalidSpecException;
import io.launcher.api.LauncherException;
import io.launcher.api.ProgressListener;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** save and load between engines on real directory storage; hostile archives store nothing. */
class ImageArchivesTest {
    private static final String LINK = "->";

    @TempDir
    Path dir;
    private final List<LocalEngine> engines = new ArrayList<>();

    @AfterEach
    void stop() {
        engines.forEach(LocalEngine::close);
    }

    private LocalEngine engine(String name) throws IOException {
        Path root = Files.createDirectories(dir.resolve(name));
        LocalEngine engine = LocalEngine.open(new EngineSettings(root, root.resolve("plugins"), Optional.empty(), Optional.empty()),
                new Providers(List.of(new FakeIsolation()), List.of(new DirectoryStorage()), List.of()));
        engines.add(engine);
        return engine;
    }

    private static ImageId importLayer(LocalEngine engine, String tag, Map<String, byte[]> files) throws IOException {
        return engine.importImage(new ByteArrayInputStream(RegistryImages.tar(files)),
                new ImportRequest(Optional.of(ImageReference.parse(tag)), List.of("CMD [\"/bin/app\"]"), ""), ProgressListener.NONE);
    }

    @Test
    void savedImagesLoadIntoAnotherEngineAndSaveAgainToTheSameIds() throws IOException {
        LocalEngine first = engine("first");
        importLayer(first, "app:v1", Map.of("etc/", new byte[0], "etc/greeting", "hello\n".getBytes(StandardCharsets.UTF_8)));
        ByteArrayOutputStream archive = new ByteArrayOutputStream();
        first.saveImages(List.of("app:v1"), archive);

        LocalEngine second = engine("second");
        List<String> events = new ArrayList<>();
        assertEquals(List.of("Loaded image: app:v1"), second.loadImages(new ByteArrayInputStream(archive.toByteArray()),
                (what, current, total) -> events.add(what)));
        assertTrue(events.contains("Loading layer"), events.toString());
        assertEquals(List.of("/bin/app"), second.image("app:v1").config().cmd());
        ByteArrayOutputStream again = new ByteArrayOutputStream();
        second.saveImages(List.of("app:v1"), again);
        LocalEngine third = engine("third");
        third.loadImages(new ByteArrayInputStream(RegistryImages.gzip(again.toByteArray())), ProgressListener.NONE);
        assertEquals(second.image("app:v1").id(), third.image("app:v1").id(), "a saved image's id survives a round trip");
        assertEquals(second.image("app:v1").diffIds(), third.image("app:v1").diffIds());
    }

    @Test
    void untaggedImagesSavedByIdLoadWithTheirId() throws IOException {
        LocalEngine first = engine("first");
        ImageId id = importLayer(first, "app", Map.of("a", new byte[] {1}));
        ByteArrayOutputStream archive = new ByteArrayOutputStream();
        first.saveImages(List.of(id.toString()), archive);
        byte[] bytes = archive.toByteArray();
        Map<String, byte[]> members = members(bytes);
        assertTrue(members.containsKey("oci-layout") && members.containsKey("index.json"), members.keySet().toString());
        LocalEngine second = engine("second");
        List<String> lines = second.loadImages(new ByteArrayInputStream(bytes), ProgressListener.NONE);
        assertEquals(1, lines.size());
        assertTrue(lines.get(0).startsWith("Loaded image ID: sha256:"), lines.toString());
        assertEquals(List.of(), second.image(lines.get(0).substring(17)).repoTags());
    }

    /** The layout before Docker 25: {@code <id>/layer.tar}, a shared layer linked, {@code <id>.json}. */
    @Test
    void loadsTheOlderLayoutWithALinkedLayer() throws IOException {
        byte[] layer = RegistryImages.tar(Map.of("etc/", new byte[0], "etc/os", "legacy\n".getBytes(StandardCharsets.UTF_8)));
        String diffId = Sha256.of(layer).toString();
        byte[] config = config(diffId, diffId);
        String configName = Sha256.of(config).hex() + ".json";
        Map<String, byte[]> members = new LinkedHashMap<>();
        members.put("aaaa/layer.tar", layer);
        members.put("bbbb/layer.tar", ("../aaaa/layer.tar" + LINK).getBytes(StandardCharsets.UTF_8));
        members.put(configName, config);
        members.put("manifest.json", ("[{\"Config\":\"" + configName + "\",\"RepoTags\":[\"old:1\"],"
                + "\"Layers\":[\"aaaa/layer.tar\",\"bbbb/layer.tar\"]}]").getBytes(StandardCharsets.UTF_8));
        LocalEngine engine = engine("engine");
        assertEquals(List.of("Loaded image: old:1"), engine.loadImages(new ByteArrayInputStream(archive(members)), ProgressListener.NONE));
        assertEquals("sha256:" + configName.substring(0, 64), engine.image("old:1").id().toString());
    }

    @Test
    void aLayerThatIsNotTheConfigsDiffIdIsRefusedAndNothingIsStored() throws IOException {
        byte[] good = RegistryImages.tar(Map.of("a", new byte[] {1}));
        byte[] other = RegistryImages.tar(Map.of("b", new byte[] {2}));
        byte[] config = config(Sha256.of(good).toString(), Sha256.of(good).toString());
        Map<String, byte[]> members = new LinkedHashMap<>();
        members.put("blobs/sha256/1", good);
        members.put("blobs/sha256/2", other);
        members.put("blobs/sha256/c", config);
        members.put("manifest.json", "[{\"Config\":\"blobs/sha256/c\",\"RepoTags\":[\"bad:1\"],\"Layers\":[\"blobs/sha256/1\",\"blobs/sha256/2\"]}]"
                .getBytes(StandardCharsets.UTF_8));
        LocalEngine engine = engine("engine");
        FailedPreconditionException e = assertThrows(FailedPreconditionException.class,
                () -> engine.loadImages(new ByteArrayInputStream(archive(members)), ProgressListener.NONE));
        assertTrue(e.getMessage().contains("layer verification failed"), e.getMessage());
        assertNothingStored(engine);
    }

    @Test
    void hostileArchivesAreRefusedAndStoreNothing() throws IOException {
        byte[] escaping = RegistryImages.tar(Map.of("../../escaped", new byte[] {1}));
        byte[] config = config(Sha256.of(escaping).toString());
        List<Map<String, byte[]>> archives = List.of(
                Map.of("manifest.json", "[{\"Config\":\"../c\",\"Layers\":[]}]".getBytes(StandardCharsets.UTF_8)),
                Map.of("c", config, "manifest.json", "[{\"Config\":\"c\",\"Layers\":[\"/etc/passwd\"]}]".getBytes(StandardCharsets.UTF_8)),
                Map.of("c", config, "l", ("../../../etc/passwd" + LINK).getBytes(StandardCharsets.UTF_8),
                        "manifest.json", "[{\"Config\":\"c\",\"Layers\":[\"l\"]}]".getBytes(StandardCharsets.UTF_8)),
                Map.of("c", config, "l", escaping, "manifest.json", "[{\"Config\":\"c\",\"Layers\":[\"l\"]}]".getBytes(StandardCharsets.UTF_8)),
                Map.of("c", config, "manifest.json", "[{\"Config\":\"c\",\"Layers\":[\"missing\"]}]".getBytes(StandardCharsets.UTF_8)),
                Map.of("c", "{not json".getBytes(StandardCharsets.UTF_8), "l", escaping,
                        "manifest.json", "[{\"Config\":\"c\",\"Layers\":[\"l\"]}]".getBytes(StandardCharsets.UTF_8)),
                Map.of("../../evil", new byte[] {1}, "manifest.json", "[]".getBytes(StandardCharsets.UTF_8)));
        LocalEngine engine = engine("engine");
        for (Map<String, byte[]> members : archives) {
            LauncherException e = assertThrows(LauncherException.class,
                    () -> engine.loadImages(new ByteArrayInputStream(archive(members)), ProgressListener.NONE), members.keySet().toString());
            assertTrue(e instanceof InvalidSpecException, e.getClass() + ": " + e.getMessage());
            assertNothingStored(engine);
        }
        assertFalse(Files.exists(dir.resolve("escaped")) || Files.exists(dir.resolve("engine/escaped")));
        assertThrows(InvalidSpecException.class, () -> engine.loadImages(new ByteArrayInputStream(new byte[0]), ProgressListener.NONE));
    }

    private void assertNothingStored(LocalEngine engine) throws IOException {
        assertEquals(List.of(), engine.images());
        try (Stream<Path> layers = Files.list(dir.resolve("engine/layers"))) {
            assertEquals(0, layers.count(), "no layer record");
        }
        try (Stream<Path> temp = Files.list(Files.createDirectories(dir.resolve("engine/tmp")))) {
            assertEquals(0, temp.count(), "no spool left");
        }
    }

    private static byte[] config(String... diffIds) {
        return ("{\"architecture\":\"amd64\",\"os\":\"linux\",\"config\":{\"Cmd\":[\"/bin/sh\"]},\"rootfs\":{\"type\":\"layers\","
                + "\"diff_ids\":[\"" + String.join("\",\"", diffIds) + "\"]}}").getBytes(StandardCharsets.UTF_8);
    }

    /** An archive of members in order; content ending in {@value #LINK} makes a symbolic link. */
    private static byte[] archive(Map<String, byte[]> members) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> member : members.entrySet()) {
                String content = new String(member.getValue(), StandardCharsets.ISO_8859_1);
                if (content.endsWith(LINK)) {
                    TarArchiveEntry link = new TarArchiveEntry(member.getKey(), TarConstants.LF_SYMLINK);
                    link.setLinkName(content.substring(0, content.length() - LINK.length()));
                    tar.putArchiveEntry(link);
                } else {
                    TarArchiveEntry entry = new TarArchiveEntry(member.getKey(), true);
                    entry.setSize(member.getValue().length);
                    tar.putArchiveEntry(entry);
                    tar.write(member.getValue());
                }
                tar.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static Map<String, byte[]> members(byte[] archive) throws IOException {
        Map<String, byte[]> members = new LinkedHashMap<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new ByteArrayInputStream(archive))) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                members.put(entry.getName(), tar.readAllBytes());
            }
        }
        return members;
    }
}
