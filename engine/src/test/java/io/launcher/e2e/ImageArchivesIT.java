package io.launcher.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.launcher.e2e.Distribution.Result;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** save, rmi, load and run through the real distribution, and with the real docker CLI on either side. */
@Tag("privileged")
class ImageArchivesIT extends WithBaseImage {
    @TempDir
    Path dir;

    @BeforeEach
    void start() throws Exception {
        Calls.ok(dist, "run", "--name", "writer", "--network", "none", "base", "/bin/sh", "-c", "echo hello > /etc/hello");
        Calls.ok(dist, "commit", "writer", "snap:v1");
        Calls.ok(dist, "rm", "writer");
    }

    /** An image's id survives save, rmi and load, and a second round trip too. */
    @Test
    void savedImageIsLoadedBackWithItsIdAndRuns() throws Exception {
        Path archive = dir.resolve("snap.tar");
        Calls.ok(dist, "save", "-o", archive.toString(), "snap:v1");
        TreeSet<String> names = ImagesIT.names(archive);
        assertTrue(names.containsAll(List.of("manifest.json", "index.json", "oci-layout")), names.toString());
        Calls.ok(dist, "rmi", "snap:v1");
        assertEquals(1, dist.launcher("inspect", "snap:v1").exitCode());

        assertEquals("Loaded image: snap:v1\n", Calls.ok(dist, "load", "-i", archive.toString()));
        assertEquals("hello\n", Calls.ok(dist, "run", "--rm", "--network", "none", "snap:v1", "cat", "/etc/hello"));
        String id = Calls.ok(dist, "inspect", "-f", "{{.Id}}", "snap:v1").strip();

        Path again = dir.resolve("again.tar");
        Calls.ok(dist, "save", "-o", again.toString(), "snap:v1");
        Path gzipped = dir.resolve("again.tar.gz");
        try (InputStream in = Files.newInputStream(again); OutputStream out = new GZIPOutputStream(Files.newOutputStream(gzipped))) {
            in.transferTo(out);
        }
        for (String container : Calls.ok(dist, "ps", "-a", "-q").lines().toList()) {
            Calls.ok(dist, "rm", "-f", container);
        }
        Calls.ok(dist, "rmi", "snap:v1");
        assertEquals("Loaded image: snap:v1\n", Calls.ok(dist, "load", "-q", "-i", gzipped.toString()));
        assertEquals(id, Calls.ok(dist, "inspect", "-f", "{{.Id}}", "snap:v1").strip());
    }

    /** The imported base layer is saved as the very tar that was imported (tar-split), so its image id holds. */
    @Test
    void theImportedBaseKeepsItsImageIdThroughSaveRmiAndLoad() throws Exception {
        String id = Calls.ok(dist, "inspect", "-f", "{{.Id}}", "base").strip();
        Path archive = dir.resolve("base.tar");
        Calls.ok(dist, "save", "-o", archive.toString(), "base");
        Calls.ok(dist, "rmi", "snap:v1");
        Calls.ok(dist, "rmi", "base");
        assertEquals(1, dist.launcher("inspect", "base").exitCode());
        assertEquals("Loaded image: base:latest\n", Calls.ok(dist, "load", "-i", archive.toString()));
        assertEquals(id, Calls.ok(dist, "inspect", "-f", "{{.Id}}", "base").strip());
    }

    @Test
    void badNamesAndBadArchivesFailWithOneLineAndLeaveNothing() throws Exception {
        Path archive = dir.resolve("none.tar");
        Result missing = dist.launcher("save", "-o", archive.toString(), "nosuch");
        assertEquals(1, missing.exitCode(), missing.err());
        assertEquals(1, missing.err().lines().count(), missing.err());
        assertTrue(missing.err().contains("No such image"), missing.err());
        assertFalse(Files.exists(archive));
        try (var left = Files.list(dir)) {
            assertEquals(0, left.count(), "no temporary file left beside the target");
        }

        Path garbage = Files.writeString(dir.resolve("garbage.tar"), "not an archive at all");
        Result refused = dist.launcher("load", "-i", garbage.toString());
        assertEquals(1, refused.exitCode(), refused.err());
        assertEquals(1, refused.err().lines().count(), refused.err());
        assertEquals(2, Calls.ok(dist, "images", "-q").lines().count());
    }

    @Test
    void dockerSaveLoadsIntoLauncherAndLauncherSaveLoadsWithDocker() throws Exception {
        assumeTrue(Distribution.dockerCli().isPresent(), "no docker CLI installed");
        Path fromDocker = dir.resolve("from-docker.tar");
        Result saved = dist.docker("save", "-o", fromDocker.toString(), "snap:v1");
        assertEquals(0, saved.exitCode(), saved.err());
        Calls.ok(dist, "rmi", "snap:v1");
        assertEquals("Loaded image: snap:v1\n", Calls.ok(dist, "load", "-i", fromDocker.toString()));
        assertEquals("hello\n", Calls.ok(dist, "run", "--rm", "--network", "none", "snap:v1", "cat", "/etc/hello"));

        Path fromLauncher = dir.resolve("from-launcher.tar");
        Calls.ok(dist, "save", "-o", fromLauncher.toString(), "snap:v1");
        Calls.ok(dist, "rmi", "snap:v1");
        Result loaded = dist.docker("load", "-i", fromLauncher.toString());
        assertEquals(0, loaded.exitCode(), loaded.err());
        assertEquals("Loaded image: snap:v1\n", loaded.out());
        Result run = dist.docker("run", "--rm", "--network", "none", "snap:v1", "cat", "/etc/hello");
        assertEquals("hello\n", run.out(), run.err());
    }
}
