package io.launcher.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.launcher.api.FilesystemChange;
import io.launcher.api.ImageHistory;
import io.launcher.api.ImageReference;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** commit, diff, export, history, tag and rmi as the docker CLI prints them. */
class ImageCommandsTest {
    private final CliHarness cli = new CliHarness();

    @Test
    void commitPassesFlagsAndPrintsTheId() {
        assertEquals(0, cli.run("commit", "-m", "msg", "-a", "me", "-c", "CMD [\"sh\"]", "-c", "ENV A=b", "web", "snap:v1"));
        assertEquals("sha256:" + "cd".repeat(32) + "\n", cli.out);
        assertEquals(Optional.of(ImageReference.parse("snap:v1")), cli.engine.lastCommit.tag());
        assertEquals("msg", cli.engine.lastCommit.comment());
        assertEquals("me", cli.engine.lastCommit.author());
        assertEquals(List.of("CMD [\"sh\"]", "ENV A=b"), cli.engine.lastCommit.changes());
        assertEquals(true, cli.engine.lastCommit.pause());
        assertEquals(0, cli.run("commit", "--pause=false", "web"));
        assertEquals(Optional.empty(), cli.engine.lastCommit.tag());
        assertEquals(false, cli.engine.lastCommit.pause());
    }

    @Test
    void diffPrintsKindLetterAndPath() {
        cli.engine.changes.add(new FilesystemChange("/etc", FilesystemChange.Kind.MODIFIED));
        cli.engine.changes.add(new FilesystemChange("/etc/x", FilesystemChange.Kind.ADDED));
        cli.engine.changes.add(new FilesystemChange("/bin/y", FilesystemChange.Kind.DELETED));
        assertEquals(0, cli.run("diff", "web"));
        assertEquals("C /etc\nA /etc/x\nD /bin/y\n", cli.out);
    }

    @Test
    void exportWritesToAFileWithO(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("fs.tar");
        assertEquals(1, cli.run("export", "-o", file.toString(), "web"));
        assertTrue(Files.notExists(file));
        cli.run("create", "--name", "web", "base");
        assertEquals(0, cli.run("export", "-o", file.toString(), "web"));
        assertEquals("tarball", Files.readString(file));
        assertEquals(0, cli.run("export", "web"));
        assertEquals("tarball", cli.out);
    }

    @Test
    void exportReplacesAnOlderFileOnlyOnceTheTarIsWhole(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("fs.tar"), "older");
        assertEquals(1, cli.run("export", "-o", file.toString(), "web"));
        assertEquals("older", Files.readString(file), "a failed export keeps the file it would replace");
        cli.run("create", "--name", "web", "base");
        assertEquals(0, cli.run("export", "-o", file.toString(), "web"));
        assertEquals("tarball", Files.readString(file));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)), "the docker CLI's mode");
        try (var left = Files.list(dir)) {
            assertEquals(1, left.count(), "no temporary file beside the tar");
        }
        Path folder = Files.createDirectory(dir.resolve("folder"));
        assertEquals(1, cli.run("export", "-o", folder.toString(), "web"));
        assertTrue(Files.isDirectory(folder), "a folder of that name is not replaced");
    }

    @Test
    void saveWritesAFileWholeOrStdoutAndLoadPrintsDockersLines(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("images.tar");
        assertEquals(0, cli.run("save", "-o", file.toString(), "base", "snap:v1"));
        assertEquals("archive", Files.readString(file));
        assertEquals(List.of("save base snap:v1"), cli.engine.calls.stream().filter(c -> c.startsWith("save")).toList());
        try (var left = Files.list(dir)) {
            assertEquals(1, left.count(), "no temporary file beside the archive");
        }
        assertEquals(0, cli.run("save", "base"));
        assertEquals("archive", cli.out);
        assertEquals(1, cli.run("save"), "a missing argument, as the docker CLI");
        assertEquals("launcher: 'launcher save' requires at least 1 argument (see 'launcher save --help')\n", cli.err);

        cli.stdin = "from stdin".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(0, cli.run("load"));
        assertEquals("Loaded image: loaded:latest\nLoaded image ID: sha256:" + "a".repeat(64) + "\n", cli.out);
        assertEquals("from stdin", new String(cli.engine.lastTarball, java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(0, cli.run("load", "-q", "-i", file.toString()));
        assertEquals("archive", new String(cli.engine.lastTarball, java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(1, cli.run("load", "-i", dir.resolve("missing.tar").toString()));
    }

    @Test
    void historyPrintsDockerColumnsAndTruncatesCreatedBy() {
        String id = "sha256:" + "0123456789ab".repeat(5) + "0123";
        cli.engine.history.add(new ImageHistory(id, FakeEngine.NOW.minus(Duration.ofMinutes(5)),
                "/bin/sh -c echo a very long command line that goes on and on", List.of("snap:latest"), 12, "msg"));
        cli.engine.history.add(new ImageHistory(ImageHistory.MISSING, FakeEngine.NOW.minus(Duration.ofDays(2)),
                "launcher import", List.of(), 4_260_000, ""));
        assertEquals(0, cli.run("history", "snap"));
        List<String> lines = cli.out.lines().toList();
        assertEquals("IMAGE          CREATED         CREATED BY                                      SIZE      COMMENT", lines.get(0));
        assertEquals("0123456789ab   5 minutes ago   /bin/sh -c echo a very long command line tha…   12B       msg", lines.get(1));
        assertEquals("<missing>      2 days ago      launcher import                                 4.26MB    ", lines.get(2));
        assertEquals(0, cli.run("history", "-q", "snap"));
        assertEquals("0123456789ab\n<missing>\n", cli.out);
    }

    @Test
    void tagAndRmiReportEachImage() {
        assertEquals(0, cli.run("tag", "base", "localhost:5000/x:t"));
        assertTrue(cli.engine.calls.contains("tag base localhost:5000/x:t"));
        assertEquals(1, cli.run("rmi", "base", "used"));
        assertEquals("Untagged: base:latest\nDeleted: sha256:" + "ab".repeat(32) + "\n", cli.out);
        assertEquals("Error response from daemon: conflict: unable to remove repository reference \"used\" (must force)\n", cli.err);
        assertEquals(0, cli.run("rmi", "-f", "base"));
        assertTrue(cli.engine.calls.contains("rmi base -f"));
    }
}
