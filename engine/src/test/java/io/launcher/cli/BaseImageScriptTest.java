package io.launcher.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** bin/make-base-image: the rootfs of `base` from the host's static busybox. */
class BaseImageScriptTest {
    private static final Path SCRIPT = Path.of("src/main/dist/bin/make-base-image");

    @TempDir
    Path temp;

    @Test
    void makesAReproducibleBusyboxRootfs() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/busybox")), "needs /bin/busybox (Debian's busybox-static)");
        Path first = temp.resolve("a.tar");
        Path second = temp.resolve("b.tar");
        make(first);
        make(second);
        assertEquals(-1, Files.mismatch(first, second), "the same busybox must give the same tarball");

        Map<String, TarArchiveEntry> entries = new HashMap<>();
        Map<String, String> texts = new HashMap<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(Files.newInputStream(first))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                String name = entry.getName().replaceFirst("^\\./", "").replaceFirst("/$", "");
                entries.put(name, entry);
                if (name.startsWith("etc/")) {
                    texts.put(name, new String(tar.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        }
        assertTrue(entries.get("bin/busybox").isFile());
        assertEquals("busybox", entries.get("bin/sh").getLinkName());
        assertEquals("busybox", entries.get("bin/ls").getLinkName());
        assertEquals(01777, entries.get("tmp").getMode() & 07777);
        for (String dir : new String[] {"proc", "sys", "dev", "root", "etc", "usr/bin", "sbin"}) {
            assertTrue(entries.get(dir).isDirectory(), dir);
        }
        assertTrue(texts.get("etc/passwd").startsWith("root:x:0:0:"));
        assertTrue(texts.get("etc/passwd").contains("\nnobody:x:65534:"));
        assertTrue(texts.get("etc/group").startsWith("root:x:0:"));
        assertEquals(0, entries.get("bin/busybox").getLongUserId());
    }

    private static void make(Path output) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("sh", SCRIPT.toString(), output.toString())
                .redirectErrorStream(true).start();
        String log;
        try (InputStream in = process.getInputStream()) {
            log = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertTrue(process.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), log);
    }
}
