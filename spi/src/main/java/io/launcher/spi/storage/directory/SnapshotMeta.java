package io.launcher.spi.storage.directory;

import io.launcher.spi.storage.SnapshotInfo;
import io.launcher.spi.storage.SnapshotKey;
import io.launcher.spi.storage.SnapshotKind;
import java.io.IOException;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.Properties;

/**
 * The metadata of a snapshot directory (key, parent, kind). Where it fits in a file name it is the
 * name of an empty file, {@code meta,<kind>,<key>,<parent>}: an empty file takes no data block,
 * which is a third of what a container's snapshot costs on disk, and a commit is one rename.
 * Otherwise (keys too long for a name) it is a {@code meta} file written to a temporary file,
 * synced and renamed. Keys are file-name-safe tokens without commas, so the name parses back.
 */
final class SnapshotMeta {
    private static final String META = "meta";
    private static final String NAMED = "meta,";
    private static final int NAME_MAX = 255;

    private SnapshotMeta() {
    }

    static Optional<SnapshotInfo> read(Path directory) throws IOException {
        Path meta = directory.resolve(META);
        if (Files.isRegularFile(meta)) {
            return Optional.of(readFile(meta));
        }
        return named(directory).map(name -> parseName(name.getFileName().toString()));
    }

    private static SnapshotInfo readFile(Path meta) throws IOException {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(meta, StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        return info(properties.getProperty("key"), properties.getProperty("parent", ""), properties.getProperty("kind"));
    }

    private static SnapshotInfo parseName(String name) {
        String[] fields = name.substring(NAMED.length()).split(",", -1);
        if (fields.length != 3) {
            throw new IllegalStateException("unreadable snapshot meta " + name);
        }
        return info(fields[1], fields[2], fields[0]);
    }

    private static SnapshotInfo info(String key, String parent, String kind) {
        return new SnapshotInfo(new SnapshotKey(key), parent.isEmpty() ? Optional.empty() : Optional.of(new SnapshotKey(parent)),
                SnapshotKind.valueOf(kind));
    }

    private static Optional<Path> named(Path directory) throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory, NAMED + "*")) {
            for (Path entry : entries) {
                return Optional.of(entry);
            }
        }
        return Optional.empty();
    }

    static void write(Path directory, SnapshotInfo info) throws IOException {
        String name = NAMED + info.kind() + "," + info.key() + "," + info.parent().map(SnapshotKey::value).orElse("");
        Optional<Path> previous = named(directory);
        if (name.length() <= NAME_MAX) {
            if (previous.isPresent()) {
                Files.move(previous.get(), directory.resolve(name), StandardCopyOption.ATOMIC_MOVE);
            } else {
                Files.createFile(directory.resolve(name));
            }
            Files.deleteIfExists(directory.resolve(META));
        } else {
            writeFile(directory, info);
            if (previous.isPresent()) {
                Files.delete(previous.get());
            }
        }
        if (durable(info.kind())) {
            syncDirectory(directory);
        }
    }

    /**
     * Layers and views are synced. An active snapshot is a container's writable layer, and the
     * engine keeps container records without fsync (a killed engine finds both whole; a power
     * loss may roll both back by seconds, and the engine drops a record whose snapshot is gone),
     * so a sync here would cost a journal commit on every create and removal and make nothing
     * durable that matters. ext4 commits metadata in order, so there an active snapshot comes
     * back after a power loss whole or not at all.
     */
    static boolean durable(SnapshotKind kind) {
        return kind != SnapshotKind.ACTIVE;
    }

    private static void writeFile(Path directory, SnapshotInfo info) throws IOException {
        String text = "key=" + info.key() + "\nparent=" + info.parent().map(SnapshotKey::value).orElse("")
                + "\nkind=" + info.kind() + "\n";
        Path temporary = directory.resolve(META + ".tmp");
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            channel.force(true);
        }
        Files.move(temporary, directory.resolve(META), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    static void delete(Path directory, SnapshotKind kind) throws IOException {
        Files.deleteIfExists(directory.resolve(META));
        Optional<Path> named = named(directory);
        if (named.isPresent()) {
            Files.delete(named.get());
        }
        if (durable(kind)) {
            syncDirectory(directory);
        }
    }

    /** Makes the rename itself durable. */
    private static void syncDirectory(Path directory) throws IOException {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }
}
