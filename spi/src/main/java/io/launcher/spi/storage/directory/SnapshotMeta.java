package io.launcher.spi.storage.directory;

import io.launcher.spi.storage.SnapshotInfo;
import io.launcher.spi.storage.SnapshotKey;
import io.launcher.spi.storage.SnapshotKind;
import java.io.IOException;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.Properties;

/** The {@code meta} file of a snapshot directory: written to a temporary file, synced, renamed. */
final class SnapshotMeta {
    private static final String META = "meta";

    private SnapshotMeta() {
    }

    static Optional<SnapshotInfo> read(Path directory) throws IOException {
        Path meta = directory.resolve(META);
        if (!Files.isRegularFile(meta)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(meta, StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        String parent = properties.getProperty("parent", "");
        return Optional.of(new SnapshotInfo(new SnapshotKey(properties.getProperty("key")),
                parent.isEmpty() ? Optional.empty() : Optional.of(new SnapshotKey(parent)),
                SnapshotKind.valueOf(properties.getProperty("kind"))));
    }

    static void write(Path directory, SnapshotInfo info) throws IOException {
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
        syncDirectory(directory);
    }

    static void delete(Path directory) throws IOException {
        Files.deleteIfExists(directory.resolve(META));
        syncDirectory(directory);
    }

    /** Makes the rename itself durable. */
    private static void syncDirectory(Path directory) throws IOException {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }
}
