package io.launcher.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.launcher.api.ContainerConfig;
import io.launcher.api.FailedPreconditionException;
import io.launcher.api.HostConfig;
import io.launcher.api.ImageReference;
import io.launcher.api.ImportRequest;
import io.launcher.api.NetworkMode;
import io.launcher.api.ProgressListener;
import io.launcher.api.ResourceLimits;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cp} through a container's mounts: the engine's /etc files and volumes, read and written where they are mounted. */
class MountedCopyTest {
    @TempDir
    Path dir;
    private LocalEngine engine;

    @BeforeEach
    void start() throws IOException {
        engine = LocalEngine.open(new EngineSettings(dir, dir.resolve("plugins"), Optional.empty(), Optional.empty()),
                new Providers(List.of(new FakeIsolation()), List.of(new DirectoryStorage()), List.of()));
        engine.importImage(new ByteArrayInputStream(tar(Map.of("etc/", "", "etc/hosts", "image hosts\n",
                        "etc/hostname", "image-name\n", "srv/", "", "srv/data/", "", "srv/data/hidden.txt", "layer\n"))),
                new ImportRequest(Optional.of(ImageReference.parse("img")), List.of(), ""), ProgressListener.NONE);
    }

    @AfterEach
    void stop() {
        engine.close();
    }

    @Test
    void theEtcFilesAreTheEnginesOnceAStartWroteThem() throws IOException {
        String box = create("box", List.of());
        assertEquals("image-name\n", files(archive(box, "/etc/hostname")).get("hostname"));
        engine.start(box);
        Path folder = dir.resolve("containers").resolve(box);
        String hostname = Files.readString(folder.resolve("hostname"));
        assertFalse(hostname.equals("image-name\n"));
        assertEquals(hostname.length(), engine.statPath(box, "/etc/hostname").size());
        assertEquals(hostname, files(archive(box, "/etc/hostname")).get("hostname"));
        Map<String, String> etc = files(archive(box, "/etc"));
        assertEquals(Files.readString(folder.resolve("hosts")), etc.get("etc/hosts"));
        assertEquals(hostname, etc.get("etc/hostname"));
        assertEquals(Files.readString(folder.resolve("resolv.conf")), etc.get("etc/resolv.conf"));

        engine.extractArchive(box, "/etc", new ByteArrayInputStream(tar(Map.of("hostname", "renamed\n"))), false, false);
        assertEquals("renamed\n", Files.readString(folder.resolve("hostname")));
        assertTrue(engine.changes(box).stream().noneMatch(c -> c.path().equals("/etc/hostname")),
                "the copy went to the container's layer, under the mount");
    }

    @Test
    void aFolderHoldingAVolumeIsCopiedWithItsContent() throws IOException {
        Path volume = Files.createDirectories(dir.resolve("volume"));
        Files.writeString(volume.resolve("there.txt"), "on the host\n");
        String box = create("vols", List.of(volume + ":/srv/data"));
        Map<String, String> srv = files(archive(box, "/srv"));
        assertEquals("on the host\n", srv.get("srv/data/there.txt"));
        assertFalse(srv.containsKey("srv/data/hidden.txt"), "the layer's files under the mount point were copied");
        assertEquals("on the host\n", files(archive(box, "/")).get("./srv/data/there.txt"));

        engine.extractArchive(box, "/", new ByteArrayInputStream(tar(Map.of("srv/data/sub/new.txt", "new\n",
                "srv/beside.txt", "layer\n"))), false, false);
        assertEquals("new\n", Files.readString(volume.resolve("sub/new.txt")));
        assertEquals("layer\n", files(archive(box, "/srv/beside.txt")).get("beside.txt"));
        assertFalse(Files.exists(volume.resolve("beside.txt")));
    }

    @Test
    void aReadOnlyMountRefusesWrites() throws IOException {
        Path volume = Files.createDirectories(dir.resolve("volume"));
        String box = create("ro", List.of(volume + ":/srv/data:ro"));
        FailedPreconditionException refused = assertThrows(FailedPreconditionException.class, () -> engine.extractArchive(box,
                "/srv", new ByteArrayInputStream(tar(Map.of("data/x", "x\n"))), false, false));
        assertEquals("mounted volume is marked read-only", refused.getMessage());
        assertFalse(Files.exists(volume.resolve("x")));
    }

    private String create(String name, List<String> binds) {
        return engine.create(Optional.of(name), ContainerConfig.of("img", List.of("true")),
                new HostConfig(false, NetworkMode.NONE, ResourceLimits.NONE, binds, false, List.of(), List.of())).value();
    }

    private byte[] archive(String container, String path) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        engine.archivePath(container, path, out);
        return out.toByteArray();
    }

    /** Each regular file of a tar by name, its content as text; fails on a name given twice. */
    private static Map<String, String> files(byte[] tar) throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        try (TarArchiveInputStream in = new TarArchiveInputStream(new ByteArrayInputStream(tar))) {
            for (TarArchiveEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (e.isFile()) {
                    String before = files.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
                    assertEquals(null, before, e.getName() + " is twice in the tar");
                }
            }
        }
        return files;
    }

    /** A tar of folders (names ending in /) and files, in name order. */
    private static byte[] tar(Map<String, String> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            for (String name : new java.util.TreeSet<>(entries.keySet())) {
                TarArchiveEntry entry = new TarArchiveEntry(name);
                byte[] data = entries.get(name).getBytes(StandardCharsets.UTF_8);
                entry.setMode(name.endsWith("/") ? 040755 : 0100644);
                entry.setSize(name.endsWith("/") ? 0 : data.length);
                tar.putArchiveEntry(entry);
                if (!name.endsWith("/")) {
                    tar.write(data);
                }
                tar.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }
}
