package io.launcher.spi.storage.directory;

import io.launcher.spi.Availability;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Whether the running kernel knows a filesystem type, from {@code /proc/filesystems}. */
public final class KernelFilesystems {
    private static final Path FILESYSTEMS = Path.of("/proc/filesystems");

    private KernelFilesystems() {
    }

    /** Available when {@code type} is listed, else unavailable with {@code missing} as the reason. */
    public static Availability probe(String type, String missing) {
        return probe(FILESYSTEMS, type, missing);
    }

    /** Each line is {@code [nodev]\t<type>}. */
    static Availability probe(Path filesystems, String type, String missing) {
        try {
            boolean known = Files.readAllLines(filesystems).stream()
                    .map(line -> line.substring(line.lastIndexOf('\t') + 1).strip())
                    .anyMatch(type::equals);
            return known ? Availability.yes() : Availability.unavailable(missing);
        } catch (IOException e) {
            return Availability.unavailable("unable to read " + filesystems + ": " + e.getMessage());
        }
    }
}
