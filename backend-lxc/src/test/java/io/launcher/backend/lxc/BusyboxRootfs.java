package io.launcher.backend.lxc;

import io.launcher.spi.Mount;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/** A root filesystem made from the host's static busybox: bin/busybox, a symlink per applet, tmp. */
final class BusyboxRootfs {
    static final Path BUSYBOX = Path.of("/bin/busybox");

    private BusyboxRootfs() {
    }

    static Path create(Path dir) throws IOException, InterruptedException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Files.copy(BUSYBOX, bin.resolve("busybox"), StandardCopyOption.COPY_ATTRIBUTES);
        Process list = new ProcessBuilder(BUSYBOX.toString(), "--list").redirectErrorStream(true).start();
        String applets = new String(list.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (list.waitFor() != 0) {
            throw new IOException("busybox --list failed: " + applets);
        }
        for (String applet : applets.lines().filter(a -> !a.isBlank() && !a.equals("busybox")).toList()) {
            if (!Files.exists(bin.resolve(applet), LinkOption.NOFOLLOW_LINKS)) {
                Files.createSymbolicLink(bin.resolve(applet), Path.of("busybox"));
            }
        }
        Files.createDirectories(dir.resolve("tmp"));
        Files.createDirectories(dir.resolve("etc"));
        return dir;
    }

    static List<Mount> bind(Path dir) {
        return List.of(new Mount("bind", dir.toString(), List.of("rbind", "rw")));
    }
}
