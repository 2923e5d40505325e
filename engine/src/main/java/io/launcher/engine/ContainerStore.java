package io.launcher.engine;

import io.launcher.api.InternalException;
import io.launcher.spi.storage.directory.Trees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Container folders under {@code containers/}: the record and the json-file log. A container
 * is removed by renaming its folder to a {@code .removing-} name first, so a killed engine
 * never finds half a container.
 */
final class ContainerStore {
    private static final String RECORD = "container.json";
    private static final String REMOVING = ".removing-";
    private final Path dir;

    ContainerStore(Path dir) throws IOException {
        this.dir = dir;
        Files.createDirectories(dir);
    }

    Path folder(String id) {
        return dir.resolve(id);
    }

    Path logFile(String id) {
        return folder(id).resolve(id + "-json.log");
    }

    void save(ContainerRecord record) {
        StoreJson.write(folder(record.id()).resolve(RECORD), record);
    }

    /** Every stored container; clears what interrupted writes and removals left. */
    List<ContainerRecord> loadAll() throws IOException {
        List<ContainerRecord> records = new ArrayList<>();
        try (Stream<Path> entries = Files.list(dir)) {
            for (Path entry : entries.toList()) {
                String name = entry.getFileName().toString();
                if (name.startsWith(REMOVING)) {
                    Trees.delete(entry);
                } else if (Files.exists(entry.resolve(RECORD))) {
                    AtomicFiles.removeLeftovers(entry);
                    records.add(StoreJson.read(entry.resolve(RECORD), ContainerRecord.class));
                } else {
                    Trees.delete(entry);
                }
            }
        }
        return records;
    }

    void delete(String id) {
        Path folder = folder(id);
        Path doomed = dir.resolve(REMOVING + id);
        try {
            Files.move(folder, doomed);
            Trees.delete(doomed);
        } catch (IOException e) {
            throw new InternalException("unable to remove container folder " + folder + ": " + e.getMessage(), e);
        }
    }
}
