package io.launcher.engine;

import io.launcher.api.InvalidSpecException;
import io.launcher.layer.MeteredInputStream;
import io.launcher.layer.WriteMeter;
import io.launcher.spi.storage.directory.Trees;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * The members of a {@code docker save} archive, copied into a private folder under numbered names
 * (no name from the archive ever reaches the filesystem), since manifest.json may come last.
 * Symbolic links between members (older Docker links a shared layer.tar) are followed inside the
 * archive only; any other kind of member is skipped. The folder goes with {@link #close()}, or
 * with the engine's next start if it is killed.
 */
final class ArchiveSpool implements AutoCloseable {
    static final String TEMP_PREFIX = "load-";
    private static final int MAX_LINKS = 16;

    private final Path dir;
    private final Map<String, Path> files = new HashMap<>();
    private final Map<String, String> links = new HashMap<>();

    private ArchiveSpool(Path dir) {
        this.dir = dir;
    }

    /**
     * Reads the whole archive (plain tar or gzip) into a new folder under {@code tempDir}, showing
     * every uncompressed byte to {@code meter}, which may stop it.
     */
    static ArchiveSpool read(InputStream archive, Path tempDir, WriteMeter meter) throws IOException {
        ArchiveSpool spool = new ArchiveSpool(Files.createTempDirectory(Files.createDirectories(tempDir), TEMP_PREFIX));
        try {
            spool.fill(archive, meter);
            return spool;
        } catch (IOException | RuntimeException e) {
            spool.close();
            throw e;
        }
    }

    private void fill(InputStream archive, WriteMeter meter) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(archive, 1 << 16);
        buffered.mark(2);
        boolean gzip = buffered.read() == 0x1f && buffered.read() == 0x8b;
        buffered.reset();
        InputStream plain = new MeteredInputStream(gzip ? new GZIPInputStream(buffered, 1 << 16) : buffered, meter);
        TarArchiveInputStream tar = new TarArchiveInputStream(plain);
        byte[] buffer = new byte[1 << 18];
        int count = 0;
        for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
            if (entry.isDirectory()) {
                continue;
            }
            String name = ArchiveManifest.clean(entry.getName());
            if (entry.isSymbolicLink()) {
                links.put(name, resolveRelative(name, entry.getLinkName()));
            } else if (entry.isFile()) {
                Path file = dir.resolve(Integer.toString(count++));
                try (OutputStream out = Files.newOutputStream(file)) {
                    for (int n = tar.read(buffer); n >= 0; n = tar.read(buffer)) {
                        out.write(buffer, 0, n);
                    }
                }
                files.put(name, file);
            }
        }
        if (count == 0) {
            throw new InvalidSpecException("invalid archive: no files in it (not a docker save archive?)");
        }
    }

    /** A link's target named from the archive's root; one that climbs out of it is refused. */
    private static String resolveRelative(String name, String target) {
        if (target.startsWith("/")) {
            throw new InvalidSpecException("refusing archive link " + name + ": it points outside the archive");
        }
        int slash = name.lastIndexOf('/');
        String base = slash < 0 ? "" : name.substring(0, slash + 1);
        String joined = base + target;
        StringBuilder out = new StringBuilder();
        Deque<String> parts = new ArrayDeque<>();
        for (String part : joined.split("/")) {
            if (part.equals("..")) {
                if (parts.isEmpty()) {
                    throw new InvalidSpecException("refusing archive link " + name + ": it points outside the archive");
                }
                parts.removeLast();
            } else if (!part.isEmpty() && !part.equals(".")) {
                parts.addLast(part);
            }
        }
        parts.forEach(p -> out.append(out.length() == 0 ? "" : "/").append(p));
        return ArchiveManifest.clean(out.toString());
    }

    /** The spooled file of a member, links followed. */
    Optional<Path> find(String name) {
        String current = ArchiveManifest.clean(name);
        for (int i = 0; i < MAX_LINKS; i++) {
            Path file = files.get(current);
            if (file != null) {
                return Optional.of(file);
            }
            current = links.get(current);
            if (current == null) {
                return Optional.empty();
            }
        }
        throw new InvalidSpecException("refusing archive path " + name + ": too many links");
    }

    Path file(String name) {
        return find(name).orElseThrow(() -> new InvalidSpecException("invalid archive: " + name + " is missing from it"));
    }

    /** Removes the folders of loads and saves a killed engine left behind. */
    static void removeLeftovers(Path tempDir) throws IOException {
        if (!Files.isDirectory(tempDir)) {
            return;
        }
        try (var entries = Files.newDirectoryStream(tempDir, "{" + TEMP_PREFIX + "*,save-*}")) {
            for (Path entry : entries) {
                Trees.delete(entry);
            }
        }
    }

    @Override
    public void close() throws IOException {
        try (var entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                Files.deleteIfExists(entry);
            }
        }
        Files.deleteIfExists(dir);
    }
}
