package io.launcher.spi.conformance;

import io.launcher.spi.Mount;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * A root filesystem made from the host's static busybox: bin/busybox with one symlink per
 * applet, etc/passwd and etc/group, and on x86_64 the kit's system call probe ({@link SyscallProbe}). Handed to a backend as a {@code bind} mount.
 */
public final class BusyboxRootfs {
    public static final Path BUSYBOX = Path.of("/bin/busybox");

    private final Path dir;

    private BusyboxRootfs(Path dir) {
        this.dir = dir;
    }

    public static BusyboxRootfs create(Path dir) throws IOException, InterruptedException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Files.copy(BUSYBOX, bin.resolve("busybox"), StandardCopyOption.COPY_ATTRIBUTES);
        for (String applet : applets()) {
            if (!applet.equals("busybox") && !Files.exists(bin.resolve(applet), java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                Files.createSymbolicLink(bin.resolve(applet), Path.of("busybox"));
            }
        }
        Path etc = Files.createDirectories(dir.resolve("etc"));
        Files.writeString(etc.resolve("passwd"), "root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/:/bin/false\n");
        Files.writeString(etc.resolve("group"), "root:x:0:\nnogroup:x:65534:\n");
        Files.createDirectories(dir.resolve("tmp"));
        Files.createDirectories(dir.resolve("root"));
        if (SyscallProbe.SUPPORTED) {
            SyscallProbe.install(dir);
        }
        return new BusyboxRootfs(dir);
    }

    private static List<String> applets() throws IOException, InterruptedException {
        Process process = new ProcessBuilder(BUSYBOX.toString(), "--list").redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IOException("busybox --list failed: " + out);
        }
        return out.lines().filter(line -> !line.isBlank() && !line.contains("/")).toList();
    }

    public Path dir() {
        return dir;
    }

    /** The rootfs as the storage driver would hand it. */
    public List<Mount> mounts() {
        return List.of(new Mount("bind", dir.toString(), List.of("rbind", "rw")));
    }
}
