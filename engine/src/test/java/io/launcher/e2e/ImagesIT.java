package io.launcher.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** import, run, diff, commit, run the commit, export, history, tag and rmi through the real distribution. */
@Tag("privileged")
class ImagesIT extends WithBaseImage {
    @TempDir
    Path dir;

    @Test
    void commitDiffExportAndRmiEndToEnd() throws Exception {
        Calls.ok(dist, "run", "--name", "writer", "base", "/bin/sh", "-c", "echo hello > /etc/hello; rm /bin/ls; mkdir /newdir");
        List<String> changes = Calls.ok(dist, "diff", "writer").lines().toList();
        assertTrue(changes.containsAll(List.of("C /etc", "A /etc/hello", "C /bin", "D /bin/ls", "A /newdir")), changes.toString());

        String id = Calls.ok(dist, "commit", "-m", "add hello", "writer", "snap:v1").strip();
        assertTrue(id.startsWith("sha256:"), id);
        assertEquals("hello\n", Calls.ok(dist, "run", "snap:v1", "cat", "/etc/hello"));
        assertEquals("", Calls.ok(dist, "diff", Calls.ok(dist, "create", "snap:v1", "true").strip()));
        List<String> history = Calls.ok(dist, "history", "snap:v1").lines().toList();
        assertEquals(3, history.size(), history.toString());
        assertTrue(history.get(1).startsWith(id.substring(7, 19)) && history.get(1).contains("add hello"), history.get(1));

        Path export = dir.resolve("writer.tar");
        Calls.ok(dist, "export", "-o", export.toString(), "writer");
        TreeSet<String> exported = names(export);
        assertTrue(exported.contains("etc/hello") && exported.contains("newdir/"), exported.toString());
        assertFalse(exported.contains("bin/ls"));
        assertTrue(exported.stream().noneMatch(n -> n.contains(".wh.")));
        TreeSet<String> bin = new TreeSet<>(Calls.ok(dist, "run", "snap:v1", "/bin/busybox", "ls", "-a", "/bin").lines()
                .filter(n -> !n.equals(".") && !n.equals("..")).map(n -> "bin/" + n).toList());
        TreeSet<String> exportedBin = new TreeSet<>(exported.stream().filter(n -> n.startsWith("bin/") && n.length() > 4).toList());
        assertEquals(bin, exportedBin);
        exportsToStdoutAsToTheFile(export);
        if (Distribution.dockerCli().isPresent()) {
            // The docker CLI reads the same stream: the very bytes, the file's as the launcher wrote them.
            Path viaDocker = dir.resolve("docker.tar");
            Distribution.Result docker = dist.docker("export", "-o", viaDocker.toString(), "writer");
            assertEquals(0, docker.exitCode(), docker.err());
            assertEquals(-1, Files.mismatch(export, viaDocker), "docker export gives the launcher's bytes");
        }
        // One request, no lookup first: a wrong name still fails before any file is left behind.
        Path missing = dir.resolve("missing.tar");
        Distribution.Result wrong = dist.launcher("export", "-o", missing.toString(), "no-such-container");
        assertEquals(1, wrong.exitCode(), wrong.out() + wrong.err());
        assertTrue(wrong.err().contains("No such container: no-such-container"), wrong.err());
        try (var left = Files.list(dir)) {
            assertTrue(left.noneMatch(f -> f.getFileName().toString().contains("missing")), "no file or temporary left");
        }

        Calls.ok(dist, "tag", "snap:v1", "again");
        Distribution.Result refused = dist.launcher("rmi", "snap:v1", "again");
        assertEquals(1, refused.exitCode(), refused.out() + refused.err());
        assertEquals("Untagged: snap:v1\n", refused.out());
        assertTrue(refused.err().contains("(must force) - container"), refused.err());
        for (String container : Calls.ok(dist, "ps", "-a", "-q").lines().toList()) {
            Calls.ok(dist, "rm", "-f", container);
        }
        assertEquals(2, snapshots(), "the base layer and the committed one");
        String removed = Calls.ok(dist, "rmi", id);
        assertTrue(removed.startsWith("Untagged: again:latest\nDeleted: " + id + "\nDeleted: sha256:"), removed);
        assertEquals(1, snapshots(), "only the base layer is left");
        assertEquals(1, Calls.ok(dist, "images", "-q").lines().count());
    }

    @Test
    void aRunningContainerIsCommittedPausedOrNot() throws Exception {
        Calls.ok(dist, "run", "-d", "--name", "live", "base", "/bin/sh", "-c",
                "echo up > /up; while true; do echo tick >> /ticks; usleep 2000; done");
        Calls.ok(dist, "exec", "live", "/bin/sh", "-c", "while [ ! -s /ticks ]; do usleep 10000; done");
        for (String pause : List.of("--pause=true", "--pause=false")) {
            String image = "live:" + pause.substring(8);
            Calls.ok(dist, "commit", pause, "live", image);
            assertEquals("up\n", Calls.ok(dist, "run", "--rm", image, "cat", "/up"), pause);
            // Whatever the writer was doing, the committed file holds whole lines only.
            String ticks = Calls.ok(dist, "run", "--rm", image, "cat", "/ticks");
            assertTrue(!ticks.isEmpty() && ticks.lines().allMatch("tick"::equals), pause + ": " + ticks.length());
            assertEquals("running\n", Calls.ok(dist, "inspect", "-f", "{{.State.Status}}", "live"), pause);
        }
        Calls.ok(dist, "rm", "-f", "live");
        Calls.ok(dist, "rmi", "live:true", "live:false");
    }

    /** To stdout, a file or a pipe (descriptor 1 written from the CLI's direct buffer): the very bytes of -o. */
    private void exportsToStdoutAsToTheFile(Path export) throws IOException, InterruptedException {
        List<String> command = List.of(dist.home().resolve("bin/launcher").toString(), "--root", dist.root().toString(),
                "-H", "unix://" + dist.socket(), "export", "writer");
        Path viaStdout = dir.resolve("stdout.tar");
        Process toFile = new ProcessBuilder(command).redirectOutput(viaStdout.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        assertEquals(0, toFile.waitFor());
        assertEquals(-1, Files.mismatch(export, viaStdout), "export > FILE gives the bytes of export -o");
        Process toPipe = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        byte[] piped = toPipe.getInputStream().readAllBytes();
        assertEquals(0, toPipe.waitFor());
        assertArrayEquals(Files.readAllBytes(export), piped, "export | reader gives the bytes of export -o");
    }

    private int snapshots() throws IOException {
        try (var dirs = Files.list(dist.root().resolve("plugins/storage-overlay/snapshots"))) {
            return (int) dirs.count();
        }
    }

    static TreeSet<String> names(Path tar) throws IOException {
        TreeSet<String> names = new TreeSet<>();
        try (InputStream in = Files.newInputStream(tar); TarArchiveInputStream entries = new TarArchiveInputStream(in)) {
            for (TarArchiveEntry e = entries.getNextEntry(); e != null; e = entries.getNextEntry()) {
                names.add(e.getName());
            }
        }
        return names;
    }
}
