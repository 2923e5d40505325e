package io.launcher.engine;

import io.launcher.api.InternalException;
import io.launcher.spi.storage.directory.Trees;
import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Containers under {@code containers/}: the record as {@code <id>.json}, and a folder for what a
 * started container needs (json-file log, /etc/hosts and friends), made at its first start: a
 * container that is only created costs one file, not a folder and a file (each a 4 kB block).
 * A removal drops the record first (final), then renames the folder to a {@code .removing-} name
 * and deletes it, so a killed engine never finds half a container; a folder without its record
 * is such a leftover. Stores of the earlier layout ({@code <id>/container.json}) are moved over.
 *
 * <p>Records are written by temporary name, fsync and rename ({@link AtomicFiles#replace}), but
 * neither that rename nor a removal syncs the folder: these writes sit on the path of every
 * create, start, exit and removal, where the folder's journal commit would double their cost.
 * A killed engine finds every record whole and current (the page cache outlives the process), and
 * so does a power loss, up to the last few seconds of renames and removals (ext4 commits its
 * journal every 5 s): a container created just before may be gone (its snapshot is then an
 * orphan that recovery removes), one removed just before may come back (without its snapshot, if
 * the removal got that far: {@code rm} then removes it), and a state change may be lost, which
 * only matters to {@code ps -a} since no container survives a power loss anyway. A record that
 * is still found empty or torn (a file system that reorders more than ext4) is set aside at start
 * as {@code <id>.json.damaged} with an error logged, rather than stopping the engine.
 */
final class ContainerStore {
    private static final String LEGACY_RECORD = "container.json";
    private static final String REMOVING = ".removing-";
    private static final String JSON = ".json";
    private static final String DAMAGED = ".damaged";
    private static final Logger LOG = LoggerFactory.getLogger(ContainerStore.class);
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
        StoreJson.replace(record(record.id()), record);
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
                    readable(entry).ifPresent(records::add);
                }
            }
        }
        return records;
    }

    /** A record a power loss left empty or torn is moved aside, not read: the engine still starts. */
    private static Optional<ContainerRecord> readable(Path entry) throws IOException {
        try {
            return Optional.of(StoreJson.read(entry, ContainerRecord.class));
        } catch (InternalException e) {
            Path aside = entry.resolveSibling(entry.getFileName() + DAMAGED);
            Files.move(entry, aside, StandardCopyOption.REPLACE_EXISTING);
            LOG.error("set aside the unreadable container record {} as {}: {}", entry, aside, e.getMessage());
            return Optional.empty();
        }
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
            if (Files.exists(folder)) {
                Files.move(folder, doomed);
                deleteFolder(doomed, logFile(id).getFileName().toString());
            }
        } catch (IOException e) {
            throw new InternalException("unable to remove container " + id + ": " + e.getMessage(), e);
        }
    }

    /**
     * What a started container's folder holds goes one call each (a removal is on the path of
     * every {@code run --rm}); a walk takes the rest (rotated logs, a file of an earlier layout).
     */
    private static void deleteFolder(Path folder, String log) throws IOException {
        Files.deleteIfExists(folder.resolve(log));
        for (String name : EtcFiles.NAMES) {
            Files.deleteIfExists(folder.resolve(name));
        }
        try {
            Files.delete(folder);
        } catch (DirectoryNotEmptyException more) {
            Trees.delete(folder);
        }
    }
}
