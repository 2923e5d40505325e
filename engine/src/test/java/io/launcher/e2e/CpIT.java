package io.launcher.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.launcher.e2e.Distribution.Result;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** {@code cp} both ways, through our CLI and the real docker CLI, on running and stopped containers. */
@Tag("privileged")
class CpIT {
    private static Distribution launcher;

    @BeforeAll
    static void start() throws Exception {
        launcher = Distribution.start().withBaseImage();
    }

    @AfterAll
    static void stop() throws Exception {
        if (launcher != null) {
            launcher.close();
        }
    }

    private static Result ok(Result result) {
        assertEquals(0, result.exitCode(), result.err());
        return result;
    }

    private static Path hostTree(String name) throws IOException {
        Path dir = Files.createDirectories(launcher.root().resolve(name));
        Files.createDirectories(dir.resolve("sub"));
        Files.writeString(dir.resolve("top.txt"), "top\n");
        Files.writeString(dir.resolve("sub/inner.txt"), "inner\n");
        Files.createSymbolicLink(dir.resolve("link"), Path.of("sub/inner.txt"));
        return dir;
    }

    @Test
    void launcherCpBothWaysOnAStoppedContainer() throws Exception {
        ok(launcher.launcher("create", "--name", "stopped", "--network", "none", "base", "cat", "/tmp/tree/sub/inner.txt"));
        Path tree = hostTree("tree");
        ok(launcher.launcher("cp", tree.toString(), "stopped:/tmp"));
        ok(launcher.launcher("cp", tree + "/.", "stopped:/root/content"));
        ok(launcher.launcher("cp", tree.resolve("top.txt").toString(), "stopped:/renamed.txt"));
        ok(launcher.launcher("start", "-a", "stopped"));
        assertEquals("inner\n", launcher.launcher("logs", "stopped").out());

        Path back = Files.createDirectories(launcher.root().resolve("back"));
        ok(launcher.launcher("cp", "stopped:/tmp/tree", back.toString()));
        assertEquals("inner\n", Files.readString(back.resolve("tree/sub/inner.txt")));
        assertEquals("sub/inner.txt", Files.readSymbolicLink(back.resolve("tree/link")).toString());
        ok(launcher.launcher("cp", "stopped:/root/content/.", back.resolve("content").toString()));
        assertEquals("top\n", Files.readString(back.resolve("content/top.txt")));
        ok(launcher.launcher("cp", "stopped:/renamed.txt", back.resolve("file.txt").toString()));
        assertEquals("top\n", Files.readString(back.resolve("file.txt")));
        // /tmp keeps the image's mode although the copy wrote below it.
        assertEquals("1777\n", ok(launcher.launcher("run", "--rm", "--network", "none", "base", "stat", "-c", "%a", "/tmp")).out());
        assertTrue(ok(launcher.launcher("diff", "stopped")).out().contains("A /renamed.txt"));
    }

    @Test
    void launcherCpIntoARunningContainerAndStreams() throws Exception {
        ok(launcher.launcher("run", "-d", "--name", "live", "--network", "none", "base", "sleep", "300"));
        Path tree = hostTree("live-tree");
        ok(launcher.launcher("cp", tree.resolve("top.txt").toString(), "live:/root/"));
        assertEquals("top\n", ok(launcher.launcher("exec", "live", "cat", "/root/top.txt")).out());

        Path archive = launcher.root().resolve("etc.tar");
        Result tar = run(List.of("sh", "-c", launcherLine("cp", "live:/etc/passwd", "-") + " > " + archive));
        assertEquals(0, tar.exitCode(), tar.err());
        assertTrue(ok(run(List.of("tar", "tf", archive.toString()))).out().contains("passwd"));

        Path upload = launcher.root().resolve("upload.tar");
        Files.write(upload, tarOf(List.of(file("streamed.txt", "streamed\n"))));
        Result in = run(List.of("sh", "-c", launcherLine("cp", "-", "live:/tmp") + " < " + upload));
        assertEquals(0, in.exitCode(), in.err());
        assertEquals("streamed\n", ok(launcher.launcher("exec", "live", "cat", "/tmp/streamed.txt")).out());
    }

    @Test
    void missingPathsAndBadArgumentsExitOne() throws Exception {
        ok(launcher.launcher("create", "--name", "plain", "--network", "none", "base", "true"));
        Result missing = launcher.launcher("cp", "plain:/nope", launcher.root().toString());
        assertEquals(1, missing.exitCode());
        assertEquals("Error response from daemon: Could not find the file /nope in container plain\n", missing.err());
        Result hostMissing = launcher.launcher("cp", "/nonexistent-cp-source", "plain:/tmp");
        assertEquals(1, hostMissing.exitCode());
        assertEquals("lstat /nonexistent-cp-source: no such file or directory\n", hostMissing.err());
        assertEquals(1, launcher.launcher("cp", "a", "b").exitCode());
        assertEquals("copying between containers is not supported\n", launcher.launcher("cp", "plain:/a", "plain:/b").err());
        assertEquals(1, launcher.launcher("cp", "nosuch:/etc", launcher.root().toString()).exitCode());
        assertTrue(launcher.launcher("cp", "--help").out().contains("CONTAINER:SRC_PATH DEST_PATH|-"));
    }

    @Test
    void aHostileArchiveStaysInsideTheContainer() throws Exception {
        ok(launcher.launcher("create", "--name", "target", "--network", "none", "base", "cat", "/etc/escaped"));
        Path marker = Path.of("/etc/escaped");
        assertFalse(Files.exists(marker), "leftover " + marker);
        Path upload = launcher.root().resolve("hostile.tar");
        Files.write(upload, tarOf(List.of(symlink("root", "/"), symlink("up", "../../../../../.."),
                file("root/etc/escaped", "inside\n"), file("up/etc/escaped2", "inside\n"))));
        Result in = run(List.of("sh", "-c", launcherLine("cp", "-", "target:/tmp") + " < " + upload));
        assertEquals(0, in.exitCode(), in.err());
        assertFalse(Files.exists(marker), "a copy wrote to the host's /etc");
        assertFalse(Files.exists(Path.of("/etc/escaped2")), "a copy wrote to the host's /etc");
        assertEquals("inside\n", ok(launcher.launcher("start", "-a", "target")).out());

        Files.write(upload, tarOf(List.of(file("../../escape.txt", "out\n"))));
        Result climbing = run(List.of("sh", "-c", launcherLine("cp", "-", "target:/tmp") + " < " + upload));
        assertEquals(1, climbing.exitCode());
        assertTrue(climbing.err().contains("escapes"), climbing.err());
    }

    @Test
    void dockerCliCopiesBothWays() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Distribution.dockerCli().isPresent(), "no docker CLI installed");
        ok(launcher.docker("run", "-d", "--name", "dock", "--network", "none", "base", "sleep", "300"));
        Path tree = hostTree("docker-tree");
        ok(launcher.docker("cp", tree.toString(), "dock:/srv"));
        assertEquals("inner\n", ok(launcher.docker("exec", "dock", "cat", "/srv/sub/inner.txt")).out());
        ok(launcher.docker("cp", tree.resolve("top.txt").toString(), "dock:/etc/top-renamed"));
        assertEquals("top\n", ok(launcher.docker("exec", "dock", "cat", "/etc/top-renamed")).out());

        Path back = Files.createDirectories(launcher.root().resolve("docker-back"));
        ok(launcher.docker("cp", "dock:/srv", back.toString()));
        assertEquals("inner\n", Files.readString(back.resolve("srv/sub/inner.txt")));
        ok(launcher.docker("cp", "dock:/srv/.", back.resolve("content").toString()));
        assertEquals("top\n", Files.readString(back.resolve("content/top.txt")));
        Result missing = launcher.docker("cp", "dock:/nope", back.toString());
        assertEquals(1, missing.exitCode());
        assertTrue(missing.err().contains("Could not find the file /nope in container dock"), missing.err());
        ok(launcher.docker("stop", "-t", "1", "dock"));
        ok(launcher.docker("cp", "dock:/etc/top-renamed", back.resolve("after-stop").toString()));
        assertEquals("top\n", Files.readString(back.resolve("after-stop")));
    }

    @Test
    void copiesIntoAVolumeReachTheHostFolder() throws Exception {
        Path volume = Files.createDirectories(launcher.root().resolve("volume"));
        Files.writeString(volume.resolve("seed.txt"), "seed\n");
        ok(launcher.launcher("run", "-d", "--name", "vol", "--network", "none", "-v", volume + ":/vol", "base", "sleep", "300"));
        Path tree = hostTree("vol-tree");
        ok(launcher.launcher("cp", tree.resolve("top.txt").toString(), "vol:/vol/"));
        assertEquals("top\n", Files.readString(volume.resolve("top.txt")));
        assertEquals("top\n", ok(launcher.launcher("exec", "vol", "cat", "/vol/top.txt")).out());
        Path back = Files.createDirectories(launcher.root().resolve("vol-back"));
        ok(launcher.launcher("cp", "vol:/vol/seed.txt", back.toString()));
        assertEquals("seed\n", Files.readString(back.resolve("seed.txt")));
    }

    @Test
    void copiesGoThroughTheContainersMounts() throws Exception {
        Path volume = Files.createDirectories(launcher.root().resolve("mounts-volume"));
        Files.writeString(volume.resolve("seed.txt"), "seed\n");
        Path readOnly = Files.createDirectories(launcher.root().resolve("mounts-ro"));
        ok(launcher.launcher("run", "-d", "--name", "mounts", "--network", "none", "-v", volume + ":/root/data",
                "-v", readOnly + ":/ro:ro", "base", "sleep", "300"));
        String hostname = ok(launcher.launcher("exec", "mounts", "cat", "/etc/hostname")).out();
        String hosts = ok(launcher.launcher("exec", "mounts", "cat", "/etc/hosts")).out();
        Path back = Files.createDirectories(launcher.root().resolve("mounts-back"));
        ok(launcher.launcher("cp", "mounts:/etc/hostname", back.toString()));
        assertEquals(hostname, Files.readString(back.resolve("hostname")));
        ok(launcher.launcher("cp", "mounts:/etc", back.toString()));
        assertEquals(hosts, Files.readString(back.resolve("etc/hosts")));
        ok(launcher.launcher("cp", "mounts:/root", back.toString()));
        assertEquals("seed\n", Files.readString(back.resolve("root/data/seed.txt")));

        Path newHosts = Files.writeString(launcher.root().resolve("new-hosts"), "10.1.2.3\tcopied\n");
        ok(launcher.launcher("cp", newHosts.toString(), "mounts:/etc/hosts"));
        assertEquals("10.1.2.3\tcopied\n", ok(launcher.launcher("exec", "mounts", "cat", "/etc/hosts")).out());
        Result refused = launcher.launcher("cp", newHosts.toString(), "mounts:/ro/");
        assertEquals(1, refused.exitCode());
        assertEquals("Error response from daemon: mounted volume is marked read-only\n", refused.err());
        assertFalse(Files.exists(readOnly.resolve("new-hosts")));
    }

    @Test
    void aVolumeInsideAnotherIsCopiedAsTheContainerSeesIt() throws Exception {
        Path outer = Files.createDirectories(launcher.root().resolve("nested-outer"));
        Path inner = Files.createDirectories(launcher.root().resolve("nested-inner"));
        Files.writeString(outer.resolve("top.txt"), "outer\n");
        Files.writeString(Files.createDirectories(outer.resolve("in")).resolve("shadowed.txt"), "under the mount\n");
        Files.writeString(inner.resolve("inner.txt"), "inner\n");
        ok(launcher.launcher("run", "-d", "--name", "nested", "--network", "none", "-v", outer + ":/root/data",
                "-v", inner + ":/root/data/in", "base", "sleep", "300"));
        assertEquals("inner.txt\n", ok(launcher.launcher("exec", "nested", "ls", "/root/data/in")).out());
        for (String copied : List.of("/root", "/root/data")) {
            Path back = Files.createDirectories(launcher.root().resolve("nested-back" + copied.replace('/', '-')));
            ok(launcher.launcher("cp", "nested:" + copied, back.toString()));
            Path data = back.resolve(copied.equals("/root") ? "root/data" : "data");
            assertEquals("outer\n", Files.readString(data.resolve("top.txt")));
            assertEquals("inner\n", Files.readString(data.resolve("in/inner.txt")), copied);
            assertFalse(Files.exists(data.resolve("in/shadowed.txt")), copied + " showed the outer volume's folder");
        }
        Path upload = Files.createDirectories(launcher.root().resolve("nested-upload/in"));
        Files.writeString(upload.resolve("uploaded.txt"), "up\n");
        ok(launcher.launcher("cp", upload.getParent() + "/.", "nested:/root/data"));
        assertEquals("up\n", Files.readString(inner.resolve("uploaded.txt")));
        assertFalse(Files.exists(outer.resolve("in/uploaded.txt")), "written below the inner volume's mount point");
    }

    /**
     * The container has looked up both paths (one it wrote itself, one missing): overlayfs keeps
     * what it found, so a copy that changed the upper layer beside the mount would go unseen.
     */
    @Test
    void aRunningContainerSeesACopyOverPathsItAlreadyLookedUp() throws Exception {
        ok(launcher.launcher("run", "-d", "--name", "looked", "--network", "none", "base", "sh", "-c",
                "echo old > /tmp/seen.txt; touch /tmp/ready; sleep 300"));
        for (int i = 0; i < 100 && launcher.launcher("exec", "looked", "test", "-e", "/tmp/ready").exitCode() != 0; i++) {
            Thread.sleep(50);
        }
        assertEquals("old\n", ok(launcher.launcher("exec", "looked", "cat", "/tmp/seen.txt")).out());
        assertEquals(1, launcher.launcher("exec", "looked", "cat", "/tmp/new.txt").exitCode());
        Path source = Files.createDirectories(launcher.root().resolve("looked-up"));
        Files.writeString(source.resolve("seen.txt"), "new\n");
        Files.writeString(source.resolve("new.txt"), "fresh\n");
        ok(launcher.launcher("cp", source.resolve("seen.txt").toString(), "looked:/tmp/seen.txt"));
        ok(launcher.launcher("cp", source.resolve("new.txt").toString(), "looked:/tmp/"));
        assertEquals("new\n", ok(launcher.launcher("exec", "looked", "cat", "/tmp/seen.txt")).out());
        assertEquals("fresh\n", ok(launcher.launcher("exec", "looked", "cat", "/tmp/new.txt")).out());
        assertEquals("1777\n", ok(launcher.launcher("exec", "looked", "stat", "-c", "%a", "/tmp")).out());
        String diff = ok(launcher.launcher("diff", "looked")).out();
        assertTrue(diff.contains("A /tmp/new.txt"), diff);
        // A container the user paused is written through its live root as well.
        ok(launcher.launcher("pause", "looked"));
        Files.writeString(source.resolve("seen.txt"), "while paused\n");
        ok(launcher.launcher("cp", source.resolve("seen.txt").toString(), "looked:/tmp/seen.txt"));
        ok(launcher.launcher("unpause", "looked"));
        assertEquals("while paused\n", ok(launcher.launcher("exec", "looked", "cat", "/tmp/seen.txt")).out());
        // The container's own /dev is not the copy's: the file lands in its layer below, as with Docker.
        ok(launcher.launcher("cp", source.resolve("new.txt").toString(), "looked:/dev/"));
        assertEquals(1, launcher.launcher("exec", "looked", "test", "-e", "/dev/new.txt").exitCode());
        assertTrue(ok(launcher.launcher("diff", "looked")).out().contains("A /dev/new.txt"));
    }

    private static String launcherLine(String... args) {
        StringBuilder line = new StringBuilder(launcher.home().resolve("bin/launcher") + " --root " + launcher.root()
                + " -H unix://" + launcher.socket());
        for (String arg : args) {
            line.append(' ').append(arg);
        }
        return line.toString();
    }

    private static Result run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).start();
        byte[] out = process.getInputStream().readAllBytes();
        byte[] err = process.getErrorStream().readAllBytes();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        return new Result(process.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }

    private record Entry(String name, String content, String link) {
    }

    private static Entry file(String name, String content) {
        return new Entry(name, content, null);
    }

    private static Entry symlink(String name, String target) {
        return new Entry(name, null, target);
    }

    private static byte[] tarOf(List<Entry> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            for (Entry e : entries) {
                if (e.link() != null) {
                    TarArchiveEntry entry = new TarArchiveEntry(e.name(), TarConstants.LF_SYMLINK);
                    entry.setLinkName(e.link());
                    tar.putArchiveEntry(entry);
                } else {
                    byte[] data = e.content().getBytes(StandardCharsets.UTF_8);
                    TarArchiveEntry entry = new TarArchiveEntry(e.name(), true);
                    entry.setSize(data.length);
                    entry.setMode(0100644);
                    tar.putArchiveEntry(entry);
                    tar.write(data);
                }
                tar.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }
}
