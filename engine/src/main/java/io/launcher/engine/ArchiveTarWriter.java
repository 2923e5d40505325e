package io.launcher.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/** The outer tar of a saved archive: folders, files copied in large blocks, and small documents. */
final class ArchiveTarWriter {
    private final OutputStream out;
    private final TarArchiveOutputStream tar;
    private final byte[] buffer = new byte[1 << 20];

    ArchiveTarWriter(OutputStream out) {
        this.out = out;
        this.tar = new TarArchiveOutputStream(out, StandardCharsets.UTF_8.name());
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
    }

    void directory(String name) throws IOException {
        TarArchiveEntry entry = entry(name);
        entry.setMode(040755);
        tar.putArchiveEntry(entry);
        tar.closeArchiveEntry();
    }

    void file(String name, Path file) throws IOException {
        long size = Files.size(file);
        TarArchiveEntry entry = entry(name);
        entry.setSize(size);
        tar.putArchiveEntry(entry);
        long copied = 0;
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                tar.write(buffer, 0, n);
                copied += n;
            }
        }
        if (copied != size) {
            throw new IOException("the layer file " + file + " changed while it was saved");
        }
        tar.closeArchiveEntry();
    }

    void bytes(String name, byte[] content) throws IOException {
        TarArchiveEntry entry = entry(name);
        entry.setSize(content.length);
        tar.putArchiveEntry(entry);
        tar.write(content);
        tar.closeArchiveEntry();
    }

    /** Ends the archive and pushes it out; the caller's stream stays open. */
    void finish() throws IOException {
        tar.finish();
        out.flush();
    }

    private static TarArchiveEntry entry(String name) {
        TarArchiveEntry entry = new TarArchiveEntry(name, true);
        entry.setModTime(FileTime.from(Instant.EPOCH));
        entry.setMode(name.endsWith("/") ? 040755 : 0100644);
        entry.setUserName("");
        entry.setGroupName("");
        return entry;
    }
}
