package io.launcher.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.launcher.api.ContainerConfig;
import io.launcher.api.HostConfig;
import io.launcher.api.ImageReference;
import io.launcher.api.ImportRequest;
import io.launcher.api.InvalidSpecException;
import io.launcher.api.NetworkMode;
import io.launcher.api.ResourceLimits;
import io.launcher.api.NotFoundException;
import io.launcher.api.PathStat;
import io.launcher.api.ProgressListener;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** docker cp's engine half on real directory storage: links resolve inside the container, writes stay in its layer. */
class ContainerArchivesTest {
    @TempDir
    Path dir;
    private LocalEngine engine;
    private String container;

    @BeforeEach
    void start() throws IOException {
        engine = LocalEngine.open(new EngineSettings(dir, dir.resolve("plugins"), Optional.empty(), Optional.empty()),
                new Providers(List.of(new FakeIsolation()), List.of(new DirectoryStorage()), List.of()));
        byte[] image = tar(dir("etc"), file("etc/passwd", "root:x:0:0\n"), dir("tmp"), link("evil", "/"),
                link("up", "../../../.."), link("etc/self", "../etc"));
        engine.importImage(new ByteArrayInputStream(image), new ImportRequest(Optional.of(ImageReference.parse("img")),
                List.of(), ""), ProgressListener.NONE);
        container = engine.create(Optional.of("box"), ContainerConfig.of("img", List.of("true")), new HostConfig(false, NetworkMode.NONE, ResourceLimits.NONE, List.of(), false, List.of(), List.of())).value();
    }

    @AfterEach
    void stop() {
        engine.close();
    }

    @Test
    void statResolvesLinksInsideTheContainer() {
        PathStat passwd = engine.statPath(container, "/evil/up/etc/self/passwd");
        assertEquals("passwd", passwd.name());
        assertEquals(11, passwd.size());
        assertTrue(passwd.isRegularFile());
        PathStat evil = engine.statPath(container, "/evil");
        assertTrue(evil.isSymlink());
        assertEquals("/", evil.linkTarget());
        assertTrue(engine.statPath(container, "/evil/").isDirectory());
        NotFoundException missing = assertThrows(NotFoundException.class, () -> engine.statPath(container, "/nope"));
        assertEquals("Could not find the file /nope in container " + container, missing.getMessage());
    }

    @Test
    void archivesNameTheirEntriesAfterThePathAsked() throws IOException {
        assertEquals(List.of("etc/", "etc/passwd", "etc/self"), names(archive("/up/etc")));
        assertEquals(List.of("./", "./passwd", "./self"), names(archive("/etc/.")));
        assertEquals(List.of("passwd"), names(archive("/etc/self/passwd")));
    }

    @Test
    void extractionFollowsLinksInsideAndStaysInTheContainersLayer() throws IOException {
        engine.extractArchive(container, "/evil/tmp", new ByteArrayInputStream(tar(link("out", "/"),
                file("out/etc/owned", "inside\n"), file("new/dir/f", "deep\n"))), false, false);
        assertEquals(List.of("owned"), names(archive("/tmp/out/etc/owned")));
        assertTrue(engine.statPath(container, "/tmp/new/dir/f").isRegularFile());
        assertFalse(Files.exists(Path.of("/etc/owned")), "a copy wrote to the host");
        try (Stream<Path> files = Files.walk(dir)) {
            assertEquals(1, files.filter(p -> p.endsWith("etc/owned")).count(), "written once, in the container's layer");
        }
        assertTrue(engine.changes(container).stream().anyMatch(c -> c.path().equals("/etc/owned")));
    }

    @Test
    void hostileAndMisplacedArchivesAreRefused() {
        assertThrows(InvalidSpecException.class, () -> engine.extractArchive(container, "/tmp",
                new ByteArrayInputStream(tar(file("../../escape", "x"))), false, false));
        assertThrows(InvalidSpecException.class, () -> engine.extractArchive(container, "/etc/passwd",
                new ByteArrayInputStream(tar(file("f", "x"))), false, false));
        assertThrows(NotFoundException.class, () -> engine.extractArchive(container, "/nope",
                new ByteArrayInputStream(tar(file("f", "x"))), false, false));
        assertThrows(InvalidSpecException.class, () -> engine.extractArchive(container, "/",
                new ByteArrayInputStream(tar(file("etc", "x"))), false, true));
    }

    @Test
    void pathsInAVolumeAreTheBoundHostFolders() throws IOException {
        Path volume = Files.createDirectories(dir.resolve("volume"));
        Path readOnly = Files.createDirectories(dir.resolve("read-only"));
        Files.writeString(volume.resolve("there.txt"), "on the host\n");
        String withVolumes = engine.create(Optional.of("vols"), ContainerConfig.of("img", List.of("true")),
                new HostConfig(false, NetworkMode.NONE, ResourceLimits.NONE,
                        List.of(volume + ":/data", readOnly + ":/evil/ro:ro"), false, List.of(), List.of())).value();
        assertTrue(engine.statPath(withVolumes, "/data/there.txt").isRegularFile());
        assertEquals(List.of("data/", "data/there.txt"), names(archive(withVolumes, "/evil/data")));

        engine.extractArchive(withVolumes, "/data", new ByteArrayInputStream(tar(dir("sub"), file("sub/new.txt", "x"))),
                false, false);
        assertEquals("x", Files.readString(volume.resolve("sub/new.txt")));
        assertThrows(InvalidSpecException.class, () -> engine.extractArchive(withVolumes, "/data",
                new ByteArrayInputStream(tar(link("out", "/"), file("out/etc/from-volume", "x"))), false, false));
        assertFalse(Files.exists(Path.of("/etc/from-volume")), "a copy wrote through a link out of the volume");
        assertThrows(io.launcher.api.FailedPreconditionException.class, () -> engine.extractArchive(withVolumes, "/ro",
                new ByteArrayInputStream(tar(file("f", "x"))), false, false));
        assertFalse(Files.exists(readOnly.resolve("f")));
    }

    @Test
    void aVolumeInsideAnotherShowsItsOwnContent() throws IOException {
        Path outer = Files.createDirectories(dir.resolve("outer"));
        Path inner = Files.createDirectories(dir.resolve("inner"));
        Files.writeString(outer.resolve("top.txt"), "outer\n");
        Files.writeString(Files.createDirectories(outer.resolve("in")).resolve("shadowed.txt"), "under the mount\n");
        Files.writeString(inner.resolve("inner.txt"), "inner\n");
        String nested = engine.create(Optional.of("nested"), ContainerConfig.of("img", List.of("true")),
                new HostConfig(false, NetworkMode.NONE, ResourceLimits.NONE,
                        List.of(outer + ":/tmp/data", inner + ":/tmp/data/in"), false, List.of(), List.of())).value();
        assertEquals(List.of("data/", "data/top.txt", "data/in/", "data/in/inner.txt"), names(archive(nested, "/tmp/data")));
        assertEquals(List.of("top.txt", "in/", "in/inner.txt"), names(archive(nested, "/tmp/data/.")));
        List<String> parent = names(archive(nested, "/tmp"));
        assertTrue(parent.contains("tmp/data/in/inner.txt"), parent.toString());
        assertFalse(parent.stream().anyMatch(n -> n.contains("shadowed")), parent.toString());

        engine.extractArchive(nested, "/tmp/data", new ByteArrayInputStream(tar(dir("in"), file("in/new.txt", "x"),
                file("new-top.txt", "y"))), false, false);
        assertEquals("x", Files.readString(inner.resolve("new.txt")));
        assertEquals("y", Files.readString(outer.resolve("new-top.txt")));
        assertFalse(Files.exists(outer.resolve("in/new.txt")), "written below the inner volume's mount point");
    }

    private byte[] archive(String path) throws IOException {
        return archive(container, path);
    }

    private byte[] archive(String target, String path) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        engine.archivePath(target, path, out);
        return out.toByteArray();
    }

    private static List<String> names(byte[] tar) throws IOException {
        List<String> names = new ArrayList<>();
        try (TarArchiveInputStream in = new TarArchiveInputStream(new ByteArrayInputStream(tar))) {
            for (TarArchiveEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                names.add(e.getName());
            }
        }
        return names;
    }

    private record Item(String name, byte flag, String content) {
    }

    private static Item dir(String name) {
        return new Item(name + "/", TarConstants.LF_DIR, null);
    }

    private static Item file(String name, String content) {
        return new Item(name, TarConstants.LF_NORMAL, content);
    }

    private static Item link(String name, String target) {
        return new Item(name, TarConstants.LF_SYMLINK, target);
    }

    private static byte[] tar(Item... items) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            for (Item item : items) {
                TarArchiveEntry entry = new TarArchiveEntry(item.name(), item.flag(), true);
                byte[] data = new byte[0];
                if (item.flag() == TarConstants.LF_SYMLINK) {
                    entry.setLinkName(item.content());
                } else if (item.content() != null) {
                    data = item.content().getBytes(StandardCharsets.UTF_8);
                    entry.setSize(data.length);
                }
                entry.setMode(item.flag() == TarConstants.LF_DIR ? 040755 : 0100644);
                tar.putArchiveEntry(entry);
                tar.write(data);
                tar.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }
}
