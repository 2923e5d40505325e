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
 * Containers under {@code containers/}: the record as {@code <id>.json}, and a folder for what a
 * started container needs (json-file log, /etc/hosts and friends), made at its first start: a
 * container that is only created costs one file, not a folder and a file (each a 4 kB block).
 * A removal drops the record first (final), then renames the folder to a {@code .removing-} name
 * and deletes it, so a killed engine never finds half a container; a folder without its record
 * is such a leftover. Stores of the earlier layout ({@code <id>/container.json}) are moved over.
 */
final class ContainerStore {
    private static final String LEGACY_RECORD = "container.json";
    private static final String REMOVING = ".removing-";
    private static final String JSON = ".json";
    private final Path dir;

    ContainerStore(Path dir) throws IOException {
        this.dir = dir;
        Files.createDirectories(dir);
    }

    /** The container's folder, made when first asked for (at start). */
    Path folder(String id) {
        Path folder = dir.resolve(id);
        try {
            return Files.createDirectories(folder);
        } catch (IOException e) {
            throw new InternalException("unable to create container folder " + folder + ": " + e.getMessage(), e);
        }
    }

    Path logFile(String id) {
        return dir.resolve(id).resolve(id + "-json.log");
    }

    void save(ContainerRecord record) {
        StoreJson.write(record(record.id()), record);
    }

    private Path record(String id) {
        return dir.resolve(id + JSON);
    }

    /** Every stored container; clears what interrupted writes and removals left. */
    List<ContainerRecord> loadAll() throws IOException {
        AtomicFiles.removeLeftovers(dir);
        List<ContainerRecord> records = new ArrayList<>();
        try (Stream<Path> entries = Files.list(dir)) {
            for (Path entry : entries.toList()) {
                String name = entry.getFileName().toString();
                if (name.startsWith(REMOVING)) {
                    Trees.delete(entry);
                } else if (Files.isDirectory(entry)) {
                    folder(entry, name);
                }
            }
        }
        try (Stream<Path> entries = Files.list(dir)) {
            for (Path entry : entries.toList()) {
                if (entry.getFileName().toString().endsWith(JSON) && Files.isRegularFile(entry)) {
                    records.add(StoreJson.read(entry, ContainerRecord.class));
                }
            }
        }
        return records;
    }

    /** Moves a record of the earlier layout out of its folder; deletes a folder whose record is gone. */
    private void folder(Path folder, String id) throws IOException {
        AtomicFiles.removeLeftovers(folder);
        Path legacy = folder.resolve(LEGACY_RECORD);
        if (Files.exists(legacy) && !Files.exists(record(id))) {
            StoreJson.write(record(id), StoreJson.read(legacy, ContainerRecord.class));
        }
        Files.deleteIfExists(legacy);
        if (!Files.exists(record(id))) {
            Trees.delete(folder);
        }
    }

    void delete(String id) {
        Path folder = dir.resolve(id);
        Path doomed = dir.resolve(REMOVING + id);
        try {
            Files.deleteIfExists(record(id));
            AtomicFiles.syncDirectory(dir);
            if (Files.exists(folder)) {
                Files.move(folder, doomed);
                Trees.delete(doomed);
            }
        } catch (IOException e) {
            throw new InternalException("unable to remove container " + id + ": " + e.getMessage(), e);
        }
    }
}
